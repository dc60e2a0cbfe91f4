import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { invitations } from "@/lib/db/schema";

/** Pending invitations (not accepted, revoked or expired); admin only by RLS. */
export async function listPendingInvitations(tx: Tx, workspaceId: string, now = new Date()) {
  return tx
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt, createdAt: invitations.createdAt })
    .from(invitations)
    .where(
      and(eq(invitations.workspaceId, workspaceId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)),
    )
    .orderBy(desc(invitations.createdAt));
}
