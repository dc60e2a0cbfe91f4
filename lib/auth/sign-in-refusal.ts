import { AsyncLocalStorage } from "node:async_hooks";
import type { ErrorCode } from "@/lib/errors";

/** Why authorize() refused before checking a password; the auth route turns it into a 429 or 503. */
export interface SignInRefusal {
  code: Extract<ErrorCode, "rate_limited" | "unavailable">;
  retryAfterSeconds?: number;
}

interface Slot {
  refusal?: SignInRefusal;
}

// next-auth only lets authorize() return a user or throw; this carries the reason back to our route.
const storage = new AsyncLocalStorage<Slot>();

export async function withSignInRefusal<T>(run: () => Promise<T>): Promise<{ result: T; refusal?: SignInRefusal }> {
  const slot: Slot = {};
  const result = await storage.run(slot, run);
  return { result, refusal: slot.refusal };
}

export function reportSignInRefusal(refusal: SignInRefusal): void {
  const slot = storage.getStore();
  if (slot) slot.refusal = refusal;
}

/** The message next-auth puts in `?error=`; the sign-in page shows a matching text. */
export const REFUSAL_ERRORS: Record<SignInRefusal["code"], string> = { rate_limited: "RateLimited", unavailable: "Unavailable" };
