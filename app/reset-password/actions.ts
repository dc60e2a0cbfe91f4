"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { newPasswordSchemaFor } from "@/lib/auth/password-policy";
import { withServiceDb } from "@/lib/db/service";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { isSameOrigin } from "@/lib/http/origin-check";
import { getRateLimiters } from "@/lib/rate-limit/process-rate-limiters";
import { describeResetToken, resetPassword } from "@/lib/services/password-resets/reset-password";
import { requestPasswordReset } from "@/lib/services/password-resets/request-password-reset";

export type ResetState = { error: string | null; done: boolean };

async function guard(): Promise<{ ip: string | null } | { error: string }> {
  const requestHeaders = await headers();
  if (!isSameOrigin({ method: "POST", url: "", headers: requestHeaders }, env.appUrl)) return { error: "Cross-site request refused." };
  return { ip: clientIp(new Headers(requestHeaders), { trustedProxyHops: env.TRUSTED_PROXY_HOPS, vercel: env.VERCEL }) };
}

const TOO_MANY = "Too many attempts. Try again later.";

/** "Forgot password": the same answer whether or not the address has an account. */
export async function requestResetAction(_previous: ResetState, form: FormData): Promise<ResetState> {
  const checked = await guard();
  if ("error" in checked) return { error: checked.error, done: false };
  const email = z.email().max(254).safeParse(String(form.get("email") ?? "").trim().toLowerCase());
  if (!email.success) return { error: "Enter your email address.", done: false };
  try {
    const limiters = await getRateLimiters();
    const verdicts = await Promise.all([
      limiters.consume("resetEmail", email.data),
      ...(checked.ip ? [limiters.consume("resetIp", checked.ip)] : []),
    ]);
    if (verdicts.some((verdict) => !verdict.allowed)) return { error: TOO_MANY, done: false };
    await withServiceDb((db) => requestPasswordReset(db, { email: email.data, appUrl: env.appUrl ?? "http://localhost:3000", mail: { smtpUrl: env.SMTP_URL, from: env.SMTP_FROM } }));
    return { error: null, done: true };
  } catch (error) {
    if (error instanceof AppError) return { error: error.message, done: false };
    throw error;
  }
}

/** Sets the new password from a reset link; every session of the account ends. */
export async function resetPasswordAction(token: string, _previous: ResetState, form: FormData): Promise<ResetState> {
  const checked = await guard();
  if ("error" in checked) return { error: checked.error, done: false };
  try {
    const limiters = await getRateLimiters();
    if (!(await limiters.consume("resetUse", checked.ip ?? `token:${token.slice(0, 8)}`)).allowed) return { error: TOO_MANY, done: false };
    const target = await withServiceDb((db) => describeResetToken(db, { token }));
    if (!target) return { error: "This reset link has expired or was already used. Ask for a new one.", done: false };
    const chosen = String(form.get("password") ?? "");
    if (chosen !== String(form.get("confirm") ?? "")) return { error: "The two passwords differ.", done: false };
    const password = newPasswordSchemaFor(target.email).safeParse(chosen);
    if (!password.success) return { error: password.error.issues[0]?.message ?? "Choose another password.", done: false };
    await withServiceDb((db) => resetPassword(db, { token, password: password.data }));
    return { error: null, done: true };
  } catch (error) {
    if (error instanceof AppError) return { error: error.message, done: false };
    throw error;
  }
}
