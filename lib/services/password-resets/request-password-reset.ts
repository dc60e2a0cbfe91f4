import nodemailer from "nodemailer";
import type { Db } from "@/lib/db/client";
import { passwordResets } from "@/lib/db/session-tables";
import { findUserIdByEmail } from "@/lib/services/auth/create-identity";
import type { MailConfig } from "@/lib/services/invitations/send-invitation-email";
import { newResetToken, RESET_TTL_MINUTES } from "./reset-token";

/**
 * "Forgot password": emails a single-use link valid for 30 minutes when the address has an account.
 * The caller answers the same whatever happened, so the form does not reveal who has an account.
 */
export async function requestPasswordReset(
  db: Db,
  input: { email: string; appUrl: string; mail: MailConfig; now?: Date },
): Promise<{ sent: boolean }> {
  if (!input.mail.smtpUrl) return { sent: false };
  const email = input.email.trim().toLowerCase();
  const userId = await findUserIdByEmail(db, email);
  if (!userId) return { sent: false };
  const now = input.now ?? new Date();
  const { token, tokenHash } = newResetToken();
  const expiresAt = new Date(now.getTime() + RESET_TTL_MINUTES.emailed * 60_000);
  await db.insert(passwordResets).values({ tokenHash, userId, issuedBy: null, expiresAt, createdAt: now });
  const link = new URL(`/reset-password/${token}`, input.appUrl).toString();
  const transport = nodemailer.createTransport(input.mail.smtpUrl);
  try {
    await transport.sendMail({
      from: input.mail.from,
      to: email,
      subject: "Reset your Reach password",
      text: [
        "Someone asked to reset the password of your Reach account.",
        "",
        `Choose a new password: ${link}`,
        "",
        `The link works once and expires on ${expiresAt.toUTCString()}. Resetting signs you out everywhere.`,
        "If you did not ask for this, ignore this email.",
      ].join("\n"),
    });
  } finally {
    transport.close();
  }
  return { sent: true };
}
