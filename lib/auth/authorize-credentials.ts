import { z } from "zod";
import { TOTP_REQUIRED_ERROR } from "@/lib/domain/sign-in-errors";
import { AppError } from "@/lib/errors";
import { clientIp, type ProxyTrust } from "@/lib/http/client-ip";
import { normalizeEmail, type RateLimiters } from "@/lib/rate-limit/rate-limiters";
import type { SecondFactorOutcome } from "@/lib/services/two-factor/redeem-second-factor";
import { REFUSAL_ERRORS, reportSignInRefusal } from "./sign-in-refusal";

export const signInSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
  /** A TOTP or a recovery code, for accounts with a second factor. */
  code: z.string().max(40).optional(),
});

export interface CredentialsDeps {
  proxyTrust: ProxyTrust;
  rateLimiters(): Promise<RateLimiters>;
  verify(email: string, password: string): Promise<{ id: string; email: string } | null>;
  /** The account a Google ticket names (Google passed the first factor), or null. */
  openTicket(ticket: string): Promise<{ id: string; email: string } | null>;
  /** Checks and consumes the account's second-factor code, if it has a second factor. */
  secondFactor(userId: string, code: string): Promise<SecondFactorOutcome>;
  recordSignIn(input: { email: string; userId: string | null; ip: string | null; reason?: "second_factor" }): Promise<void>;
}

const text = (value: unknown, max: number) => (typeof value === "string" ? value.slice(0, max) : "");

/**
 * next-auth's authorize(): the credentials here are the ones it authenticates, whatever path, body
 * type or duplicated field carried them, so the attempt is counted here, before the password is
 * checked, under the normalized email (a success gives the point back). A wrong second-factor
 * code costs a point like a wrong password; a missing one is refused with TOTP_REQUIRED_ERROR.
 * A Google ticket stands in for the password of the account it names, which must then send a code.
 */
export async function authorizeCredentials(
  deps: CredentialsDeps,
  credentials: Record<string, unknown> | undefined,
  headers: Record<string, unknown> | undefined,
): Promise<{ id: string; email: string } | null> {
  const ticket = text(credentials?.ticket, 4096);
  const ticketHolder = ticket ? await deps.openTicket(ticket) : null;
  if (ticket && !ticketHolder) return null;
  const email = normalizeEmail(ticketHolder?.email ?? text(credentials?.email, 254));
  const password = text(credentials?.password, 201);
  const code = text(credentials?.code, 41).trim();
  const ip = clientIp(new Headers(headers as Record<string, string> | undefined), deps.proxyTrust);
  const limiters = await deps.rateLimiters();
  let verdict;
  try {
    verdict = await limiters.consumeSignInAttempt({ ip, email });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    reportSignInRefusal({ code: "unavailable" });
    throw new Error(REFUSAL_ERRORS.unavailable);
  }
  if (!verdict.allowed) {
    reportSignInRefusal({ code: "rate_limited", retryAfterSeconds: verdict.retryAfterSeconds });
    throw new Error(REFUSAL_ERRORS.rate_limited);
  }
  const parsed = ticketHolder ? z.string().max(40).safeParse(code) : signInSchema.safeParse({ email, password, code: code || undefined });
  if (!parsed.success) return null;
  const user = ticketHolder ?? (await deps.verify(email, password));
  if (!user) {
    await deps.recordSignIn({ email, userId: null, ip });
    return null;
  }
  // The password is checked again with the code: no session exists until both are right.
  const factor = await deps.secondFactor(user.id, code);
  if (factor === "missing") throw new Error(TOTP_REQUIRED_ERROR);
  // A ticket is only for accounts whose second factor is on (it may have been turned off since).
  if (ticketHolder && factor === "none") return null;
  if (factor === "wrong") {
    await deps.recordSignIn({ email, userId: null, ip, reason: "second_factor" });
    return null;
  }
  await deps.recordSignIn({ email, userId: user.id, ip });
  await limiters.resetSignIn({ ip, email });
  return { id: user.id, email: user.email };
}
