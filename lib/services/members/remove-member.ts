import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { isLastAdminError } from "@/lib/db/errors";
import { workspaceMembers } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";

/** Admin only (RLS refuses others); the last admin cannot be removed. */
export async function removeMember(db: Db, input: { workspaceId: string; actorId: string; userId: string }) {
  try {
    const removed = await db
      .delete(workspaceMembers)
      .where(and(eq(workspaceMembers.workspaceId, input.workspaceId), eq(workspaceMembers.userId, input.userId)))
      .returning({ role: workspaceMembers.role });
    if (removed.length === 0) throw new AppError("not_found", "No such member.");
    await recordAudit(db, {
      workspaceId: input.workspaceId,
      actorId: input.actorId,
      action: "member.removed",
      entity: "workspace_member",
      entityId: input.userId,
      details: { role: removed[0]?.role },
    });
  } catch (error) {
    if (isLastAdminError(error)) throw new AppError("conflict", "A workspace needs at least one admin.");
    throw error;
  }
}
