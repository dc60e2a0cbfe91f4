import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { requireApiClaims } from "@/lib/auth/session";
import { withServiceDb } from "@/lib/db/service";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/http/origin-check";
import { problem, toProblem } from "@/lib/http/problem";
import { getRateLimiters } from "@/lib/rate-limit/process-rate-limiters";
import { checkPassword, hasPassword } from "@/lib/services/auth/verify-password";
import { deleteMyAccount } from "@/lib/services/users/delete-my-account";

const confirmation = z.object({ confirmEmail: z.string().trim().toLowerCase(), password: z.string().max(200).optional() });

/**
 * DELETE /api/v1/me — deletes the signed-in user's account. The body repeats their email and, for an
 * account with a password, the password: a stolen session alone cannot delete it. Wrong passwords
 * count against the same limit as sign-in.
 */
export async function DELETE(request: NextRequest) {
  try {
    const claims = await requireApiClaims();
    assertSameOrigin(request, env.appUrl);
    const body = confirmation.parse(await request.json().catch(() => ({})));
    const email = (claims.email ?? "").toLowerCase();
    if (body.confirmEmail !== email) throw new AppError("invalid_input", "Type your email address to confirm.");
    if (await withServiceDb((db) => hasPassword(db, claims.sub))) {
      if (!body.password) throw new AppError("invalid_input", "Enter your password to delete your account.");
      const limit = await (await getRateLimiters()).consumeSignInAttempt({ ip: null, email });
      if (!limit.allowed) return problem("rate_limited", undefined, undefined, { "Retry-After": String(limit.retryAfterSeconds) });
      const password = body.password;
      if (!(await withServiceDb((db) => checkPassword(db, { email, password })))) throw new AppError("invalid_input", "That password is not right.");
    }
    await withServiceDb((db) => deleteMyAccount(db, claims.sub));
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    return toProblem(error);
  }
}
