import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { authUsers } from "@/lib/db/auth-schema";
import { workspaceMembers, workspaces } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { endAllSessions } from "@/lib/services/auth/session-state";

/**
 * The user deletes their own account (service path, their id only): refused while they are the
 * last admin of a workspace. Memberships and the profile go with it; audit entries keep the action
 * without the actor. Every session ends.
 */
export async function deleteMyAccount(db: Db, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const adminOf = await tx
      .select({ workspaceId: workspaceMembers.workspaceId, name: workspaces.name })
      .from(workspaceMembers)
      .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
      .where(and(eq(workspaceMembers.userId, userId), eq(workspaceMembers.role, "admin")))
      .for("update", { of: workspaceMembers });
    for (const workspace of adminOf) {
      const [other] = await tx
        .select({ userId: workspaceMembers.userId })
        .from(workspaceMembers)
        .where(and(eq(workspaceMembers.workspaceId, workspace.workspaceId), eq(workspaceMembers.role, "admin"), ne(workspaceMembers.userId, userId)))
        .limit(1);
      if (!other) throw new AppError("conflict", `You are the last admin of ${workspace.name}: make someone else admin first.`);
    }
    await endAllSessions(tx, userId);
    await tx.delete(workspaceMembers).where(eq(workspaceMembers.userId, userId));
    const deleted = await tx.delete(authUsers).where(sql`${authUsers.id} = ${userId}`).returning({ id: authUsers.id });
    if (deleted.length === 0) throw new AppError("not_found", "No such account.");
  });
}
