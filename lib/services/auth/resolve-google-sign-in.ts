import { randomUUID } from "node:crypto";
import { and, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { authUsers } from "@/lib/db/auth-schema";
import { invitations, profiles } from "@/lib/db/schema";
import { joinFromInvitation } from "@/lib/services/invitations/accept-invitation";
import { findUserIdByEmail, isEmailVerified } from "./create-identity";

export type GoogleSignIn = { ok: true; userId: string } | { ok: false; reason: "unverified" | "domain" | "no_invitation" | "unverified_account" };

/**
 * A Google sign-in maps to the auth.users row with the same email, when that row's address was
 * verified. A first sign-in is allowed only
 * with a pending invitation for that address (Google proved the invitee owns it): the user is
 * created without a password and joins every workspace that invited them.
 */
export async function resolveGoogleSignIn(
  db: Db,
  input: { email: string; emailVerified: boolean; allowedDomains: string[]; now?: Date },
): Promise<GoogleSignIn> {
  const email = input.email.toLowerCase();
  if (!input.emailVerified) return { ok: false, reason: "unverified" };
  const domain = email.split("@")[1] ?? "";
  if (input.allowedDomains.length > 0 && !input.allowedDomains.includes(domain)) return { ok: false, reason: "domain" };
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const existing = await findUserIdByEmail(tx, email);
    // Linking to an account whose address nobody proved would hand it to whoever planted it, or to them.
    if (existing) return (await isEmailVerified(tx, existing)) ? { ok: true, userId: existing } : { ok: false, reason: "unverified_account" };
    const pending = await tx
      .select({ invitationId: invitations.id, workspaceId: invitations.workspaceId, role: invitations.role })
      .from(invitations)
      .where(and(sql`lower(${invitations.email}) = ${email}`, isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)))
      .for("update");
    if (pending.length === 0) return { ok: false, reason: "no_invitation" };
    const userId = randomUUID();
    await tx.insert(authUsers).values({
      id: userId,
      email,
      emailConfirmedAt: now,
      rawAppMetaData: { provider: "google", providers: ["google"] },
      rawUserMetaData: {},
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(profiles).values({ userId, displayName: email.split("@")[0] ?? email }).onConflictDoNothing();
    for (const invitation of pending) await joinFromInvitation(tx, invitation, userId, now, { createdUser: true, via: "google" });
    return { ok: true, userId };
  });
}
