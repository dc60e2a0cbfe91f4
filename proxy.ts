import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { problem } from "@/lib/http/problem";

const PUBLIC_API = [/^\/api\/v1\/openapi\.json$/, /^\/api\/docs(\/|$)/, /^\/api\/auth(\/|$)/, /^\/api\/health(\/|$)/, /^\/api\/ready(\/|$)/, /^\/api\/metrics$/, /^\/api\/inngest(\/|$)/];
const PUBLIC_PAGES = [/^\/sign-in$/, /^\/invite\/[^/]+$/, /^\/reset-password(\/[^/]+)?$/];

function contentSecurityPolicy(nonce: string): string {
  const dev = env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

// A load balancer's own id is kept when it looks like one, so its logs and ours can be joined.
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

function withSecurityHeaders(response: NextResponse, csp: string, requestId: string): NextResponse {
  response.headers.set("X-Request-Id", requestId);
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  response.headers.set("X-Frame-Options", "DENY");
  response.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()");
  if (env.NODE_ENV === "production") {
    response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains; preload");
  }
  return response;
}

/** Session guard and security headers for every request (Next 16's name for middleware). */
export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const incomingId = request.headers.get("x-request-id");
  const requestId = incomingId && REQUEST_ID.test(incomingId) ? incomingId : crypto.randomUUID();
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  const isPublic = isApi ? PUBLIC_API.some((re) => re.test(pathname)) : PUBLIC_PAGES.some((re) => re.test(pathname));

  // An API token is checked by the route itself (lib/http/authenticate.ts); no CORS headers are ever sent.
  const bearer = pathname.startsWith("/api/v1/workspaces/") && /^Bearer\s/i.test(request.headers.get("authorization") ?? "");

  if (!isPublic && !bearer) {
    const token = await getToken({ req: request, secret: env.authSecret });
    if (!token?.sub) {
      if (isApi) return withSecurityHeaders(problem("unauthenticated"), csp, requestId);
      const signIn = new URL("/sign-in", request.url);
      signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
      return withSecurityHeaders(NextResponse.redirect(signIn), csp, requestId);
    }
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-request-id", requestId);
  requestHeaders.set("Content-Security-Policy", csp);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp, requestId);
}

export const config = {
  matcher: [{ source: "/((?!_next/|favicon.ico|icon.svg|fonts/).*)" }],
};
