import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { decodeCursor, keysetPage, type Page, type PageQuery } from "@/lib/api/cursor";
import type { Db } from "@/lib/db/client";
import { apiTokens, auditLog, profiles } from "@/lib/db/schema";

const select = (db: Db) =>
  db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      details: auditLog.details,
      actorId: auditLog.actorId,
      actorName: profiles.displayName,
      actorTokenId: auditLog.actorTokenId,
      actorTokenName: apiTokens.name,
    })
    .from(auditLog)
    .leftJoin(profiles, eq(profiles.userId, auditLog.actorId))
    .leftJoin(apiTokens, eq(apiTokens.id, auditLog.actorTokenId));

export type AuditEntryView = Awaited<ReturnType<typeof select>>[number];

/** Admins only, by RLS: others get an empty list. */
export async function listAuditLog(db: Db, { workspaceId, limit = 200 }: { workspaceId: string; limit?: number }): Promise<AuditEntryView[]> {
  return select(db).where(eq(auditLog.workspaceId, workspaceId)).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(limit);
}

// Milliseconds, as the cursor carries them: microseconds would make rows between two cursor values vanish.
const msOf = sql`date_trunc('milliseconds', ${auditLog.at})`;

/** The API's page of the log, newest first, by keyset on (at, id). */
export async function pageAuditLog(db: Db, { workspaceId, query }: { workspaceId: string; query: PageQuery }): Promise<Page<AuditEntryView>> {
  const filters = [eq(auditLog.workspaceId, workspaceId)];
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, z.tuple([z.iso.datetime(), z.number().int()]));
    const when = at;
    filters.push(sql`(${msOf}, ${auditLog.id}) < (${when}::timestamptz, ${id}::bigint)`);
  }
  const rows = await select(db).where(and(...filters)).orderBy(desc(msOf), desc(auditLog.id)).limit(query.limit + 1);
  return keysetPage(rows, query.limit, (row) => [row.at.toISOString(), row.id]);
}
