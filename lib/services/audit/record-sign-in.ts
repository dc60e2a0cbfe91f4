import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { authUsers } from "@/lib/db/auth-schema";
import { workspaceMembers } from "@/lib/db/schema";
import { recordAudit } from "./record-audit";

/**
 * One audit row per workspace of the account concerned, so each workspace's admins see sign-ins
 * (and failed attempts) on their members' accounts; an unknown email is logged without a workspace.
 * A sign-in (userId set) is the only thing that moves the account's last_sign_in_at: every factor has passed.
 */
export async function recordSignIn(
  db: Db,
  input: { email: string; userId: string | null; ip: string | null; reason?: "second_factor" },
): Promise<void> {
  const email = input.email.toLowerCase();
  if (input.userId) await db.update(authUsers).set({ lastSignInAt: new Date() }).where(eq(authUsers.id, input.userId));
  const workspaces = await db
    .select({ workspaceId: workspaceMembers.workspaceId, userId: workspaceMembers.userId })
    .from(workspaceMembers)
    .innerJoin(authUsers, eq(authUsers.id, workspaceMembers.userId))
    .where(sql`lower(${authUsers.email}) = ${email}`);
  const action = input.userId ? "auth.sign_in" : "auth.sign_in_failed";
  const targets = workspaces.length > 0 ? workspaces.map((row) => row.workspaceId) : [null];
  for (const workspaceId of targets) {
    await recordAudit(db, {
      workspaceId,
      actorId: input.userId,
      action,
      entity: "user",
      entityId: input.userId ?? workspaces[0]?.userId ?? null,
      details: { email, ip: input.ip, ...(input.reason ? { reason: input.reason } : {}) },
    });
  }
}
