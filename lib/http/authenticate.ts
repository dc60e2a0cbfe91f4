import type { NextRequest } from "next/server";
import { requireApiClaims } from "@/lib/auth/session";
import type { UserClaims } from "@/lib/db/rls";
import { withServiceDb } from "@/lib/db/service";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { ApiCaller } from "@/lib/rate-limit/rate-limiters";
import { authenticateApiToken } from "@/lib/services/api-tokens/authenticate-api-token";
import { clientIp } from "./client-ip";

/** Who is calling and how: a browser session (same-origin checked) or an API token (no Origin check). */
export interface Principal {
  claims: UserClaims;
  caller: ApiCaller;
  /** The user recorded as the actor of a change; null for a token, which audit entries name by its own id. */
  actorId: string | null;
}

/** The bearer token of an `Authorization: Bearer …` header; undefined when there is no such header. */
export function bearerToken(request: Request): string | undefined {
  const header = request.headers.get("authorization");
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw new AppError("unauthenticated", "The Authorization header must be `Bearer <token>`.");
  return match[1];
}

/**
 * The auth-strategy seam: an API token when the request carries one (a bad token is 401 even with a
 * session cookie beside it), else the session cookie's user; 401 when there is neither.
 */
export async function authenticate(request: NextRequest): Promise<Principal> {
  const token = bearerToken(request);
  if (token !== undefined) {
    const from = clientIp(request.headers, { trustedProxyHops: env.TRUSTED_PROXY_HOPS, vercel: env.VERCEL });
    const identity = await withServiceDb((db) => authenticateApiToken(db, { token, from }));
    return { claims: { sub: identity.tokenId, email: null, tokenId: identity.tokenId }, caller: { kind: "token", id: identity.tokenId }, actorId: null };
  }
  const claims = await requireApiClaims();
  return { claims, caller: { kind: "user", id: claims.sub }, actorId: claims.sub };
}
