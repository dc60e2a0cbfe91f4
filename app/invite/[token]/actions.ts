"use server";

import { headers } from "next/headers";
import { newPasswordSchemaFor } from "@/lib/auth/password-policy";
import { getSessionClaims } from "@/lib/auth/session";
import { withServiceDb } from "@/lib/db/service";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isSameOrigin } from "@/lib/http/origin-check";
import { acceptInvitation, describeInvitation } from "@/lib/services/invitations/accept-invitation";

export type AcceptState = { error: string | null; acceptedSlug: string | null };

/** Accepts an invitation: a new user sets a password; a signed-in invitee just joins. */
export async function acceptInvitationAction(token: string, _previous: AcceptState, form: FormData): Promise<AcceptState> {
  const requestHeaders = await headers();
  if (!isSameOrigin({ method: "POST", url: "", headers: requestHeaders }, env.appUrl)) return { error: "Cross-site request refused.", acceptedSlug: null };
  try {
    const invitation = await withServiceDb((db) => describeInvitation(db, { token }));
    if (!invitation) return { error: "This invitation link is not valid.", acceptedSlug: null };
    let password: string | undefined;
    if (!invitation.userExists) {
      const chosen = String(form.get("password") ?? "");
      if (chosen !== String(form.get("confirm") ?? "")) return { error: "The two passwords differ.", acceptedSlug: null };
      const checked = newPasswordSchemaFor(invitation.email).safeParse(chosen);
      if (!checked.success) return { error: checked.error.issues[0]?.message ?? "Choose another password.", acceptedSlug: null };
      password = checked.data;
    }
    const claims = await getSessionClaims();
    const accepted = await withServiceDb((db) => acceptInvitation(db, { token, password, sessionUserId: claims?.sub ?? null }));
    return { error: null, acceptedSlug: accepted.workspaceSlug };
  } catch (error) {
    if (error instanceof AppError) return { error: error.message, acceptedSlug: null };
    throw error;
  }
}
