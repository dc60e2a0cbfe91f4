import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { invitations, profiles, workspaceMembers, workspaces } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { createIdentity, findUserIdByEmail, isEmailVerified } from "@/lib/services/auth/create-identity";
import { hashInvitationToken, invitationTokenSchemaPattern } from "./invitation-token";

export type InvitationState = "valid" | "expired" | "used" | "revoked";

export interface InvitationView {
  state: InvitationState;
  email: string;
  role: string;
  workspaceName: string;
  workspaceSlug: string;
  userExists: boolean;
}

function stateOf(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): InvitationState {
  if (row.acceptedAt) return "used";
  if (row.revokedAt) return "revoked";
  return row.expiresAt <= now ? "expired" : "valid";
}

export const GONE_MESSAGES: Record<Exclude<InvitationState, "valid">, string> = {
  used: "This invitation has already been used.",
  revoked: "This invitation was withdrawn by an admin.",
  expired: "This invitation has expired. Ask an admin for a new one.",
};

async function findByToken(db: Db, token: string, lock: boolean) {
  if (!invitationTokenSchemaPattern.test(token)) return null;
  const query = db
    .select({
      id: invitations.id,
      workspaceId: invitations.workspaceId,
      email: invitations.email,
      role: invitations.role,
      emailed: invitations.emailed,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      workspaceName: workspaces.name,
      workspaceSlug: workspaces.slug,
    })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)));
  const [row] = lock ? await query.for("update", { of: invitations }) : await query;
  return row ?? null;
}

/** What the invitation page shows; runs on the service path because the visitor is not a member yet. */
export async function describeInvitation(db: Db, { token, now = new Date() }: { token: string; now?: Date }): Promise<InvitationView | null> {
  const row = await findByToken(db, token, false);
  if (!row) return null;
  return {
    state: stateOf(row, now),
    email: row.email,
    role: row.role,
    workspaceName: row.workspaceName,
    workspaceSlug: row.workspaceSlug,
    userExists: (await findUserIdByEmail(db, row.email)) !== null,
  };
}

/**
 * Single use, in one transaction with the invitation row locked: a new user sets a password (the
 * caller validated it against the policy); an existing user must be signed in as the invited email,
 * and is never re-passworded here. An account counts as proven only when the link was emailed; one
 * made from a link an admin was shown stays unverified and cannot join other workspaces by invitation.
 */
export async function acceptInvitation(
  db: Db,
  input: { token: string; password?: string; sessionUserId?: string | null; now?: Date },
): Promise<{ userId: string; workspaceSlug: string; createdUser: boolean }> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const row = await findByToken(tx, input.token, true);
    if (!row) throw new AppError("not_found", "This invitation link is not valid.");
    const state = stateOf(row, now);
    if (state !== "valid") throw new AppError("gone", GONE_MESSAGES[state]);

    let userId = await findUserIdByEmail(tx, row.email);
    const createdUser = userId === null;
    if (userId === null) {
      if (!input.password) throw new AppError("invalid_input", "Choose a password to create your account.");
      userId = await createIdentity(tx, { email: row.email, password: input.password, emailVerified: row.emailed });
      await tx.insert(profiles).values({ userId, displayName: row.email.split("@")[0] ?? row.email }).onConflictDoNothing();
    } else if (input.sessionUserId !== userId) {
      throw new AppError("unauthenticated", `Sign in as ${row.email} to accept this invitation.`);
    } else if (!(await isEmailVerified(tx, userId))) {
      // Whoever was shown the link that created this account may know its password.
      throw new AppError("forbidden", "This account's email address was never verified, so it cannot join another workspace by invitation. Ask your Reach operator to verify it.");
    }

    await joinFromInvitation(tx, { invitationId: row.id, workspaceId: row.workspaceId, role: row.role }, userId, now, { createdUser, emailVerified: row.emailed || !createdUser });
    return { userId, workspaceSlug: row.workspaceSlug, createdUser };
  });
}

/** Adds the member (an existing membership keeps its role), marks the invitation used, audits it. */
export async function joinFromInvitation(
  tx: Db,
  invitation: { invitationId: string; workspaceId: string; role: "admin" | "editor" | "viewer" },
  userId: string,
  now: Date,
  details: Record<string, unknown>,
): Promise<void> {
  await tx.insert(workspaceMembers).values({ workspaceId: invitation.workspaceId, userId, role: invitation.role }).onConflictDoNothing();
  await tx.update(invitations).set({ acceptedAt: now, acceptedBy: userId }).where(eq(invitations.id, invitation.invitationId));
  await recordAudit(tx, {
    workspaceId: invitation.workspaceId,
    actorId: userId,
    action: "invitation.accepted",
    entity: "invitation",
    entityId: invitation.invitationId,
    details: { role: invitation.role, ...details },
  });
}
