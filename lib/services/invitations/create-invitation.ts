import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { invitations } from "@/lib/db/schema";
import { ROLES } from "@/lib/domain/roles";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { INVITATION_TTL_HOURS, newInvitationToken } from "./invitation-token";

export const createInvitationSchema = z.object({
  email: z.email().max(254).transform((email) => email.toLowerCase()),
  role: z.enum(ROLES),
});

/** Admin only (RLS). Returns the token once: it is not stored and cannot be shown again. */
export async function createInvitation(
  db: Db,
  input: { workspaceId: string; invitedBy: string; email: string; role: (typeof ROLES)[number]; emailed?: boolean; now?: Date },
) {
  const { token, tokenHash } = newInvitationToken();
  const now = input.now ?? new Date();
  const [invitation] = await db
    .insert(invitations)
    .values({
      workspaceId: input.workspaceId,
      email: input.email.toLowerCase(),
      role: input.role,
      tokenHash,
      emailed: input.emailed ?? false,
      invitedBy: input.invitedBy,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_HOURS * 3600_000),
    })
    .returning({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt });
  if (!invitation) throw new Error("insert returned no row");
  await recordAudit(db, {
    workspaceId: input.workspaceId,
    actorId: input.invitedBy,
    action: "invitation.created",
    entity: "invitation",
    entityId: invitation.id,
    details: { email: input.email, role: input.role },
  });
  return { invitation, token };
}
