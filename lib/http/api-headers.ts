import { createHash } from "node:crypto";
import type { RateLimitState } from "@/lib/rate-limit/rate-limiters";

/** The IETF RateLimit-* fields (draft-ietf-httpapi-ratelimit-headers), and Retry-After once refused. */
export function rateLimitHeaders(state: RateLimitState | null): Record<string, string> {
  if (!state) return {};
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(state.limit),
    "RateLimit-Remaining": String(state.remaining),
    "RateLimit-Reset": String(state.resetSeconds),
  };
  if (!state.allowed) headers["Retry-After"] = String(state.resetSeconds);
  return headers;
}

/** A strong validator of the exact body sent: equal bodies, equal tags. */
export function entityTag(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** If-None-Match: a list of tags, `*`, and weak tags compared weakly as RFC 9110 asks for GET. */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === etag);
}
