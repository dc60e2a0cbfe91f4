import NextAuth, { type NextAuthOptions } from "next-auth";
import type { NextRequest } from "next/server";
import { problem } from "@/lib/http/problem";
import { withSignInRefusal } from "./sign-in-refusal";

export type AuthRouteContext = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's own handler. A sign-in that authorize() refused before the password check (rate
 * limit, store down) is answered 429/503 with Retry-After; next-auth's client still reads `url`.
 */
export function createAuthRoute(options: NextAuthOptions, signInPage: (request: NextRequest) => URL) {
  const handler = NextAuth(options) as (request: NextRequest, context: AuthRouteContext) => Promise<Response>;
  return {
    GET: (request: NextRequest, context: AuthRouteContext) => handler(request, context),
    async POST(request: NextRequest, context: AuthRouteContext) {
      const { result, refusal } = await withSignInRefusal(() => handler(request, context));
      if (!refusal) return result;
      const url = signInPage(request);
      url.searchParams.set("error", refusal.code === "rate_limited" ? "RateLimited" : "Unavailable");
      const headers = refusal.retryAfterSeconds ? { "Retry-After": String(refusal.retryAfterSeconds) } : undefined;
      const response = problem(refusal.code, undefined, { url: url.toString() }, headers);
      for (const cookie of result.headers.getSetCookie()) response.headers.append("Set-Cookie", cookie);
      return response;
    },
  };
}
