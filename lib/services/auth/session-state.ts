import { eq, lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { revokedSessions, sessionVersions } from "@/lib/db/session-tables";

/** The user's current session version (0 until something ended their sessions). */
export async function currentSessionVersion(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ version: sessionVersions.version }).from(sessionVersions).where(eq(sessionVersions.userId, userId));
  return row?.version ?? 0;
}

/** Whether a token (user, its session id, the version it was issued at) is still valid, in one round trip. */
export async function isSessionLive(db: Db, token: { userId: string; sessionId: string; version: number }): Promise<boolean> {
  const rows = rowsOf<{ version: number; revoked: boolean }>(
    await db.execute(sql`
      select coalesce((select version from private.session_versions where user_id = ${token.userId}), 0) as version,
             exists (select 1 from private.revoked_sessions where session_id = ${token.sessionId}) as revoked`),
  );
  const row = rows[0];
  return Boolean(row) && !row!.revoked && Number(row!.version) === token.version;
}

/** Sign-out: this one session ends; the row can go once the token would have expired anyway. */
export async function revokeSession(db: Db, session: { sessionId: string; userId: string; expiresAt: Date }): Promise<void> {
  await db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, new Date()));
  await db.insert(revokedSessions).values(session).onConflictDoNothing();
}

/** Password change or reset, account events: every session of the user ends (service path). */
export async function endAllSessions(db: Db, userId: string): Promise<void> {
  await db.execute(sql`select private.bump_session_version(${userId})`);
}
