import { connectRedis } from "@/lib/redis/connect-redis";
import { env } from "@/lib/env";
import type { Db } from "@/lib/db/client";
import { createSummaryCache, type SummaryCache, type SummaryCacheOptions, type SummarySpec } from "./summary-cache";

export interface OpenedSummaryCache {
  cache: SummaryCache;
  close(): Promise<void>;
}

// One per process, surviving Next's module reloading in development like the rate limiters.
const holder = globalThis as unknown as { __reachSummaryCache?: Promise<OpenedSummaryCache> };

/** Redis when a URL is given, else an LRU in this process's memory. */
export async function openSummaryCache(redisUrl: string | undefined, options: SummaryCacheOptions = {}): Promise<OpenedSummaryCache> {
  if (!redisUrl) return { cache: createSummaryCache({ kind: "memory" }, options), close: async () => {} };
  const client = await connectRedis(redisUrl, { component: "summary-cache", purpose: "the summary cache" });
  return { cache: createSummaryCache({ kind: "redis", client }, options), close: async () => void (await client.quit()) };
}

/** The app's summary cache: Redis when REDIS_URL is set, else process memory. */
export async function getSummaryCache(): Promise<SummaryCache> {
  holder.__reachSummaryCache ??= openSummaryCache(env.REDIS_URL, { ttlMs: env.SUMMARY_CACHE_TTL_SECONDS * 1000 });
  return (await holder.__reachSummaryCache).cache;
}

/** The app's summary cache's `get` (see SummaryCache): for pages and routes. */
export async function cachedSummary<T>(db: Db, spec: SummarySpec, compute: () => Promise<T>): Promise<T> {
  return (await getSummaryCache()).get(db, spec, compute);
}
