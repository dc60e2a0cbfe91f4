import type { NextRequest } from "next/server";
import { requireApiClaims } from "@/lib/auth/session";
import type { UserClaims } from "@/lib/db/rls";
import type { ApiCaller } from "@/lib/rate-limit/rate-limiters";

/** Who is calling and how: a browser session (same-origin checked) or an API token (no Origin check). */
export interface Principal {
  claims: UserClaims;
  caller: ApiCaller;
  /** The user recorded as the actor of a change; null for a token, which audit entries name by its own id. */
  actorId: string | null;
}

/** The session cookie's user; 401 when there is none. */
export async function authenticate(_request: NextRequest): Promise<Principal> {
  const claims = await requireApiClaims();
  return { claims, caller: { kind: "user", id: claims.sub }, actorId: claims.sub };
}
