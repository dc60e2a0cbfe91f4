import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// reach_<uuid>_<43 base64url characters>: the id finds the row, the secret (256 bits) proves it.
const FORMAT = /^reach_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export const hashApiToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function newApiToken(id: string): { token: string; tokenHash: string } {
  const token = `reach_${id}_${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashApiToken(token) };
}

/** The row id a well-formed token names; null for anything else. */
export function apiTokenId(token: string): string | null {
  return FORMAT.exec(token)?.[1] ?? null;
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
