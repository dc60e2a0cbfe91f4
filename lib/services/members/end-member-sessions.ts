import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { workspaceMembers } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";

/** An admin's "sign out everywhere" for a member of this workspace (or anyone for themselves): every token they hold stops working. */
export async function endMemberSessions(db: Db, input: { workspaceId: string; actorId: string; userId: string }): Promise<void> {
  const [member] = await db
    .select({ userId: workspaceMembers.userId })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, input.workspaceId), eq(workspaceMembers.userId, input.userId)));
  if (!member) throw new AppError("not_found", "No such member.");
  // The database decides who may: the user themselves, or an admin of a workspace the user is in.
  const [result] = rowsOf<{ ended: boolean }>(await db.execute(sql`select private.sign_out_everywhere(${input.userId}) as ended`));
  if (!result?.ended) throw new AppError("forbidden");
  await recordAudit(db, {
    workspaceId: input.workspaceId,
    actorId: input.actorId,
    action: "member.sessions_ended",
    entity: "workspace_member",
    entityId: input.userId,
  });
}
