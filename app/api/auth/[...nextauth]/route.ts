import NextAuth from "next-auth";
import type { NextRequest, NextResponse } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { problem, toProblem } from "@/lib/http/problem";
import { getRateLimiters } from "@/lib/rate-limit/process-rate-limiters";

const handler = NextAuth(authOptions);
type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * Every attempt is counted here, before the password is checked (a success gives it back).
 * next-auth's client reads `url` from a refused sign-in, so the 429 carries one naming the error.
 */
async function refuseIfLimited(request: NextRequest): Promise<NextResponse | null> {
  const form = await request.clone().formData().catch(() => null);
  const email = String(form?.get("email") ?? "").slice(0, 254);
  const verdict = await (await getRateLimiters()).consumeSignInAttempt({ ip: clientIp(request.headers), email });
  if (verdict.allowed) return null;
  const url = new URL("/sign-in?error=RateLimited", env.NEXTAUTH_URL ?? request.url).toString();
  return problem("rate_limited", "Too many sign-in attempts; try again later.", { url }, { "Retry-After": String(verdict.retryAfterSeconds) });
}

export async function GET(request: NextRequest, context: Context) {
  return handler(request, context);
}

export async function POST(request: NextRequest, context: Context) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    try {
      const refusal = await refuseIfLimited(request);
      if (refusal) return refusal;
    } catch (error) {
      return toProblem(error);
    }
  }
  return handler(request, context);
}
