import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { requireApiClaims } from "@/lib/auth/session";
import { withServiceDb } from "@/lib/db/service";
import { env } from "@/lib/env";
import { assertSameOrigin } from "@/lib/http/origin-check";
import { problem, toProblem } from "@/lib/http/problem";
import { getRateLimiters } from "@/lib/rate-limit/process-rate-limiters";
import { confirmTwoFactor } from "@/lib/services/two-factor/confirm-two-factor";

const confirmation = z.object({ code: z.string().trim().min(1).max(40) });

/**
 * POST /api/v1/me/two-factor/confirm — a code from the device turns the second factor on; the answer
 * holds the ten recovery codes, the only time they are shown. Every session ends.
 */
export async function POST(request: NextRequest) {
  try {
    const claims = await requireApiClaims();
    assertSameOrigin(request, env.appUrl);
    const body = confirmation.parse(await request.json().catch(() => ({})));
    const limit = await (await getRateLimiters()).consume("twoFactorUser", claims.sub);
    if (!limit.allowed) return problem("rate_limited", undefined, undefined, { "Retry-After": String(limit.retryAfterSeconds) });
    const result = await withServiceDb((db) => confirmTwoFactor(db, { userId: claims.sub, code: body.code }));
    return NextResponse.json({ data: result, meta: {} }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toProblem(error);
  }
}
