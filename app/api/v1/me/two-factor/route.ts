import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { requireApiClaims } from "@/lib/auth/session";
import { withServiceDb } from "@/lib/db/service";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/http/origin-check";
import { problem, toProblem } from "@/lib/http/problem";
import { getRateLimiters } from "@/lib/rate-limit/process-rate-limiters";
import { supabaseAuthEnabled, verifyWithSupabase } from "@/lib/services/auth/supabase-auth";
import { checkPassword } from "@/lib/services/auth/verify-password";
import { disableTwoFactor } from "@/lib/services/two-factor/disable-two-factor";
import { getTwoFactorStatus } from "@/lib/services/two-factor/get-two-factor-status";
import { redeemSecondFactor } from "@/lib/services/two-factor/redeem-second-factor";
import { startTwoFactorEnrolment } from "@/lib/services/two-factor/start-two-factor-enrolment";

const noStore = { "cache-control": "no-store" };

/** GET /api/v1/me/two-factor — whether the caller's second factor is on, and recovery codes left. */
export async function GET() {
  try {
    const claims = await requireApiClaims();
    return NextResponse.json({ data: await withServiceDb((db) => getTwoFactorStatus(db, claims.sub)), meta: {} }, { headers: noStore });
  } catch (error) {
    return toProblem(error);
  }
}

/** POST /api/v1/me/two-factor — a new secret (base32, otpauth URI, QR code), shown once; not on until confirmed. */
export async function POST(request: NextRequest) {
  try {
    const claims = await requireApiClaims();
    assertSameOrigin(request, env.appUrl);
    const limit = await (await getRateLimiters()).consumeApi(claims.sub);
    if (!limit.allowed) return problem("rate_limited", undefined, undefined, { "Retry-After": String(limit.retryAfterSeconds) });
    const enrolment = await withServiceDb((db) => startTwoFactorEnrolment(db, { userId: claims.sub, email: claims.email ?? "" }));
    return NextResponse.json({ data: enrolment, meta: {} }, { headers: noStore });
  } catch (error) {
    return toProblem(error);
  }
}

const disableBody = z.union([z.object({ code: z.string().trim().min(1).max(40) }), z.object({ password: z.string().min(1).max(200) })]);

/** DELETE /api/v1/me/two-factor — turns the second factor off given a current code or the password; every session ends. */
export async function DELETE(request: NextRequest) {
  try {
    const claims = await requireApiClaims();
    assertSameOrigin(request, env.appUrl);
    const body = disableBody.parse(await request.json().catch(() => ({})));
    const limit = await (await getRateLimiters()).consume("twoFactorUser", claims.sub);
    if (!limit.allowed) return problem("rate_limited", undefined, undefined, { "Retry-After": String(limit.retryAfterSeconds) });
    let proven: boolean;
    if ("code" in body) {
      const outcome = await withServiceDb((db) => redeemSecondFactor(db, { userId: claims.sub, code: body.code }));
      if (outcome === "none") throw new AppError("conflict", "Two-factor sign-in is not on.");
      proven = outcome === "totp" || outcome === "recovery";
    } else {
      const email = claims.email ?? "";
      const user = supabaseAuthEnabled()
        ? await verifyWithSupabase(email, body.password)
        : await withServiceDb((db) => checkPassword(db, { email, password: body.password }));
      proven = user?.id === claims.sub;
    }
    if (!proven) throw new AppError("invalid_input", "That code or password is not right.");
    await withServiceDb((db) => disableTwoFactor(db, { userId: claims.sub, proof: "code" in body ? "code" : "password" }));
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    return toProblem(error);
  }
}
