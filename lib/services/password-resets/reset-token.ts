import { createHash, randomBytes } from "node:crypto";

/** Emailed links are short-lived; a link an admin hands over in person gets a little longer. */
export const RESET_TTL_MINUTES = { emailed: 30, adminIssued: 24 * 60 } as const;

export function newResetToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashResetToken(token) };
}

export const hashResetToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const resetTokenPattern = /^[A-Za-z0-9_-]{43}$/;
