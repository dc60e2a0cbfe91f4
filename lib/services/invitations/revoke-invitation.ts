import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { invitations } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";

export async function revokeInvitation(db: Db, input: { workspaceId: string; actorId: string; invitationId: string }) {
  const revoked = await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(and(eq(invitations.id, input.invitationId), eq(invitations.workspaceId, input.workspaceId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  if (revoked.length === 0) throw new AppError("not_found", "No such pending invitation.");
  await recordAudit(db, { workspaceId: input.workspaceId, actorId: input.actorId, action: "invitation.revoked", entity: "invitation", entityId: input.invitationId });
}
