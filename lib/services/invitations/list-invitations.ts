import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { invitations } from "@/lib/db/schema";

/** Pending invitations (not accepted, revoked or expired); admin only by RLS. */
export async function listPendingInvitations(db: Db, { workspaceId, now = new Date() }: { workspaceId: string; now?: Date }) {
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt, createdAt: invitations.createdAt })
    .from(invitations)
    .where(
      and(eq(invitations.workspaceId, workspaceId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)),
    )
    .orderBy(desc(invitations.createdAt));
}
