import { connectRedis } from "@/lib/redis/connect-redis";
import { withServiceDb } from "@/lib/db/service";
import { env } from "@/lib/env";
import { createRateLimiters, type RateLimiters } from "./rate-limiters";

export interface Built {
  limiters: RateLimiters;
  close(): Promise<void>;
}

// One set per process, surviving Next's module reloading in development like the database connection.
const holder = globalThis as unknown as { __reachRateLimiters?: Promise<Built> };

/** Redis when a URL is given, else the service path's database; `getRateLimiters` keeps one per process. */
export async function openRateLimiters(redisUrl: string | undefined): Promise<Built> {
  if (redisUrl) {
    const client = await connectRedis(redisUrl, { component: "rate-limit", purpose: "rate limits" });
    return { limiters: createRateLimiters({ kind: "redis", client }, { apiTokenPoints: env.API_TOKEN_RATE_LIMIT }), close: async () => void (await client.quit()) };
  }
  // The service path's Drizzle instance belongs to the process connection, which outlives the limiters.
  const limiters = await withServiceDb(async (db) => createRateLimiters({ kind: "drizzle", db }, { apiTokenPoints: env.API_TOKEN_RATE_LIMIT }));
  return { limiters, close: async () => {} };
}

/** The app's limiters: Redis when REDIS_URL is set, else the database. */
export async function getRateLimiters(): Promise<RateLimiters> {
  holder.__reachRateLimiters ??= openRateLimiters(env.REDIS_URL).catch((error: unknown) => {
    holder.__reachRateLimiters = undefined;
    throw error;
  });
  return (await holder.__reachRateLimiters).limiters;
}

export async function closeRateLimiters(): Promise<void> {
  const pending = holder.__reachRateLimiters;
  holder.__reachRateLimiters = undefined;
  if (pending) await (await pending).close();
}
