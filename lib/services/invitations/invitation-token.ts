import { createHash, randomBytes } from "node:crypto";

export const INVITATION_TTL_HOURS = 72;

/** 256 random bits, URL-safe; only its SHA-256 is stored, so a database leak reveals no live link. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export const hashInvitationToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const invitationTokenSchemaPattern = /^[A-Za-z0-9_-]{43}$/;
