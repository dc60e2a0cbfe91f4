import type { Redis } from "ioredis";
import { RateLimiterDrizzle, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { RATE_LIMITS, type RateLimitName } from "./limits";
import { rateLimits } from "./rate-limit-table";
import { logger, type Logger } from "@/lib/log/logger";

/** A store every app instance shares, so a limit holds across serverless instances and restarts. */
export type RateLimitStore = { kind: "drizzle"; db: Db } | { kind: "redis"; client: Redis };
export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };
/** What the RateLimit-* headers report: the window's points, those left, seconds until it resets. */
export interface RateLimitState {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetSeconds: number;
}
export interface ApiCaller {
  kind: "user" | "token";
  id: string;
}
export interface SignInKey {
  /** null when no trusted proxy names the caller: only the email is counted then, at the pair's bar. */
  ip: string | null;
  email: string;
}

export interface RateLimiters {
  /** Before a password is checked: counts the attempt against the IP, the email from that IP and the email; refused when any is exhausted. Throws when the store is down. */
  consumeSignInAttempt(key: SignInKey): Promise<RateLimitDecision>;
  /** After a successful sign-in: clears the email's counts and gives back this attempt's IP point (one success must not unlock a guessing IP). */
  resetSignIn(key: SignInKey): Promise<void>;
  /** Counts one attempt under a named limit (the reset and two-factor flows); throws unavailable when the store is down. */
  consume(name: Exclude<RateLimitName, "signInIp" | "signInEmailIp" | "signInEmail" | "api" | "apiToken">, key: string): Promise<RateLimitDecision>;
  /** Counts a mutating API call for a user; allowed when the store is down. */
  consumeApi(userId: string): Promise<RateLimitDecision>;
  /**
   * An API call's limit: counted when `count` (every token call, a user's mutations), else only read
   * for the headers. null when the store is down (the call is allowed, as with consumeApi).
   */
  apiCall(caller: ApiCaller, count: boolean): Promise<RateLimitState | null>;
}

export interface RateLimiterOptions {
  /** Namespaces every key, e.g. per test; empty in the app. */
  keyPrefix?: string;
  /** The process logger unless a test reads its own. */
  logger?: Logger;
  /** Points per minute for an API token (API_TOKEN_RATE_LIMIT). */
  apiTokenPoints?: number;
}

function buildLimiter(store: RateLimitStore, name: RateLimitName, prefix: string, pointsOverride?: number): RateLimiterAbstract {
  const { keyPrefix, durationSeconds } = RATE_LIMITS[name];
  const points = pointsOverride ?? RATE_LIMITS[name].points;
  const options = { keyPrefix: `${prefix}${keyPrefix}`, points, duration: durationSeconds };
  return store.kind === "drizzle"
    ? new RateLimiterDrizzle({ ...options, storeClient: store.db, schema: rateLimits })
    : new RateLimiterRedis({ ...options, storeClient: store.client, rejectIfRedisNotReady: true });
}

/** A refusal from the library is a RateLimiterRes; anything else it rejects with is a store failure, rethrown. */
async function consume(limiter: RateLimiterAbstract, key: string): Promise<RateLimitDecision> {
  try {
    await limiter.consume(key);
    return { allowed: true };
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
  }
}

// The driver's own error (the cause), not drizzle's wrapper, whose message lists the query's parameters.
function describeStoreError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? error.cause.message : error.message;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * Sign-in fails closed (503): the limiter is the only brake on password guessing. The API limiter
 * fails open: it only smooths abuse by callers already authenticated and role-checked, and an outage
 * of its store should not take every mutation down with it.
 */
export function createRateLimiters(store: RateLimitStore, options: RateLimiterOptions = {}): RateLimiters {
  const prefix = options.keyPrefix ?? "";
  const log = options.logger ?? logger;
  const signInIp = buildLimiter(store, "signInIp", prefix);
  const signInEmailIp = buildLimiter(store, "signInEmailIp", prefix);
  const signInEmail = buildLimiter(store, "signInEmail", prefix);
  // Without a trusted proxy every caller shares one unknown address: the pair is then the email alone.
  const pairKey = (ip: string | null, email: string) => `${normalizeEmail(email)}|${ip ?? "unknown"}`;
  const api = buildLimiter(store, "api", prefix);
  const apiToken = buildLimiter(store, "apiToken", prefix, options.apiTokenPoints);
  const named = {
    resetEmail: buildLimiter(store, "resetEmail", prefix),
    resetIp: buildLimiter(store, "resetIp", prefix),
    resetUse: buildLimiter(store, "resetUse", prefix),
    twoFactorUser: buildLimiter(store, "twoFactorUser", prefix),
  };

  const storeDown = (error: unknown) => {
    log.error({ component: "rate-limit", cause: describeStoreError(error) }, "sign-in rate limit store unavailable");
    return new AppError("unavailable", "Sign-in is temporarily unavailable; try again shortly.");
  };

  return {
    // Counted before the password check so parallel guesses cannot all slip past the limit;
    // a success refunds its point, so an office signing in from one address is never locked out.
    async consumeSignInAttempt({ ip, email }) {
      let decisions: RateLimitDecision[];
      try {
        decisions = await Promise.all([
          ...(ip === null ? [] : [consume(signInIp, ip)]),
          consume(signInEmailIp, pairKey(ip, email)),
          consume(signInEmail, normalizeEmail(email)),
        ]);
      } catch (error) {
        throw storeDown(error);
      }
      const waits = decisions.flatMap((decision) => (decision.allowed ? [] : [decision.retryAfterSeconds]));
      return waits.length === 0 ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.max(...waits) };
    },

    async resetSignIn({ ip, email }) {
      try {
        await Promise.all([
          signInEmailIp.delete(pairKey(ip, email)),
          signInEmail.delete(normalizeEmail(email)),
          ...(ip === null ? [] : [signInIp.reward(ip, 1)]),
        ]);
      } catch (error) {
        // The user is already signed in; a stale count only expires on its own.
        log.error({ component: "rate-limit", cause: describeStoreError(error) }, "sign-in rate limit reset failed");
      }
    },

    async consume(name, key) {
      try {
        return await consume(named[name], key);
      } catch (error) {
        throw storeDown(error);
      }
    },

    async consumeApi(userId) {
      try {
        return await consume(api, userId);
      } catch (error) {
        log.error({ component: "rate-limit", cause: describeStoreError(error) }, "API rate limit store unavailable; allowing the call");
        return { allowed: true };
      }
    },

    async apiCall(caller, count) {
      const limiter = caller.kind === "token" ? apiToken : api;
      const state = (res: RateLimiterRes | null, allowed: boolean): RateLimitState => ({
        allowed,
        limit: limiter.points,
        remaining: Math.max(0, res ? res.remainingPoints : limiter.points),
        resetSeconds: res ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : limiter.duration,
      });
      try {
        if (!count) return state(await limiter.get(caller.id), true);
        return state(await limiter.consume(caller.id), true);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return state(rejection, false);
        log.error({ component: "rate-limit", cause: describeStoreError(rejection) }, "API rate limit store unavailable; allowing the call");
        return null;
      }
    },
  };
}
