import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { isLastAdminError } from "@/lib/db/errors";
import { workspaceMembers } from "@/lib/db/schema";
import { ROLES } from "@/lib/domain/roles";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";

export const changeMemberRoleSchema = z.object({ role: z.enum(ROLES) });

/** Admin only (RLS refuses others); the last admin cannot be demoted. */
export async function changeMemberRole(db: Db, input: { workspaceId: string; actorId: string; userId: string; role: (typeof ROLES)[number] }) {
  try {
    const [before] = await db
      .select({ role: workspaceMembers.role })
      .from(workspaceMembers)
      .where(and(eq(workspaceMembers.workspaceId, input.workspaceId), eq(workspaceMembers.userId, input.userId)));
    if (!before) throw new AppError("not_found", "No such member.");
    const updated = await db
      .update(workspaceMembers)
      .set({ role: input.role })
      .where(and(eq(workspaceMembers.workspaceId, input.workspaceId), eq(workspaceMembers.userId, input.userId)))
      .returning({ userId: workspaceMembers.userId });
    if (updated.length === 0) throw new AppError("forbidden");
    await recordAudit(db, {
      workspaceId: input.workspaceId,
      actorId: input.actorId,
      action: "member.role_changed",
      entity: "workspace_member",
      entityId: input.userId,
      details: { from: before.role, to: input.role },
    });
  } catch (error) {
    if (isLastAdminError(error)) throw new AppError("conflict", "A workspace needs at least one admin.");
    throw error;
  }
}
