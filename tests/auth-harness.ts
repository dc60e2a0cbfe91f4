import "./next-request-scope";
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { createAuthRoute } from "@/lib/auth/auth-route";
import { createAuthOptions, type AuthDeps } from "@/lib/auth/options";
import { requireApiClaims } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { toProblem } from "@/lib/http/problem";
import { createRateLimiters } from "@/lib/rate-limit/rate-limiters";
import type { TestDatabase } from "./db-harness";
import { inRequestScope } from "./next-request-scope";

// next-auth's own default origin when NEXTAUTH_URL is unset.
export const AUTH_ORIGIN = env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).origin : "http://localhost:3000";
export const SESSION_COOKIE = /(^|\s)(__Secure-)?next-auth\.session-token=/;

export interface AuthCall {
  method?: "GET" | "POST";
  /** Path under /api/auth, spelled as the attacker spells it. */
  path: string;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  cookie?: string;
}

/** The [...nextauth] params Next derives from a path: segments, percent-decoded, empty ones dropped. */
function paramsOf(path: string): string[] {
  return path.split("?")[0]!.split("/").filter(Boolean).map((segment) => decodeURIComponent(segment));
}

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);

/** The real auth route (next-auth's handler behind our createAuthRoute) on a test database. */
export function createAuthApp(db: TestDatabase, overrides: Partial<AuthDeps> = {}) {
  const limiters = createRateLimiters({ kind: "drizzle", db: db.connection.db }, { keyPrefix: `test-${randomUUID()}:` });
  const options = createAuthOptions({
    secret: "auth-harness-secret-0123456789abcdef0123456789",
    useSecureCookies: false,
    proxyTrust: { trustedProxyHops: 1, vercel: false },
    google: null,
    serviceDb: (fn) => fn(db.connection.db),
    rateLimiters: async () => limiters,
    ...overrides,
  });
  const route = createAuthRoute(options, () => new URL("/sign-in", AUTH_ORIGIN));

  async function call(input: AuthCall): Promise<Response> {
    const headers: Record<string, string> = { ...input.headers };
    if (input.contentType) headers["content-type"] = input.contentType;
    if (input.cookie) headers.cookie = input.cookie;
    const request = new NextRequest(`${AUTH_ORIGIN}/api/auth/${input.path.replace(/^\//, "")}`, {
      method: input.method ?? "GET",
      headers,
      body: input.body,
    });
    const context = { params: Promise.resolve({ nextauth: paramsOf(input.path) }) };
    const handler = input.method === "POST" ? route.POST : route.GET;
    return inRequestScope(request, "/api/auth/[...nextauth]/route", () => handler(request, context));
  }

  async function csrf(): Promise<{ token: string; cookie: string }> {
    const response = await call({ path: "csrf" });
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return { token: csrfToken, cookie: cookiesOf(response).join("; ") };
  }

  /** A credentials sign-in as next-auth's client sends it (form body, json=true), unless the caller shapes it. */
  async function signIn(email: string, password: string, variant: Partial<AuthCall> & { ip?: string } = {}) {
    const { token, cookie } = await csrf();
    const body = variant.body ?? new URLSearchParams({ email, password, csrfToken: token, json: "true" }).toString();
    const response = await call({
      method: "POST",
      path: variant.path ?? "callback/credentials",
      contentType: variant.contentType ?? "application/x-www-form-urlencoded",
      body: body.replaceAll("__csrf__", token),
      headers: { "x-forwarded-for": variant.ip ?? "203.0.113.10", ...variant.headers },
      cookie,
    });
    const sessionCookie = cookiesOf(response).find((entry) => SESSION_COOKIE.test(entry)) ?? null;
    return { response, status: response.status, sessionCookie };
  }

  /** What an API route answers for this cookie: 200 when requireApiClaims passes, else its problem status. */
  async function apiStatus(cookie: string): Promise<number> {
    const request = new NextRequest(`${AUTH_ORIGIN}/api/v1/workspaces`, { headers: { cookie } });
    return inRequestScope(request, "/api/v1/workspaces/route", async () => {
      try {
        await requireApiClaims(options);
        return 200;
      } catch (error) {
        return toProblem(error).status;
      }
    });
  }

  /** next-auth's sign-out as its client sends it, with the session cookie. */
  async function signOut(sessionCookie: string): Promise<Response> {
    const { token, cookie } = await csrf();
    return call({
      method: "POST",
      path: "signout",
      contentType: "application/x-www-form-urlencoded",
      body: new URLSearchParams({ csrfToken: token, json: "true" }).toString(),
      cookie: `${cookie}; ${sessionCookie}`,
    });
  }

  return { call, csrf, signIn, signOut, apiStatus, options };
}
