import { Redis } from "ioredis";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import type { Db } from "@/lib/db/client";
import { createSummaryCache, type SummaryCache, type SummaryCacheOptions, type SummarySpec } from "./summary-cache";

export interface OpenedSummaryCache {
  cache: SummaryCache;
  close(): Promise<void>;
}

// One per process, surviving Next's module reloading in development like the rate limiters.
const holder = globalThis as unknown as { __reachSummaryCache?: Promise<OpenedSummaryCache> };

async function connectRedis(url: string): Promise<Redis> {
  // No offline queue: while Redis is unreachable a read fails at once and the summary is computed.
  const client = new Redis(url, { enableOfflineQueue: false });
  let healthy = true;
  client.on("ready", () => {
    healthy = true;
  });
  // One line per outage rather than one per reconnect attempt.
  client.on("error", (error) => {
    if (healthy) logger.error({ component: "summary-cache", err: error }, "Redis for the summary cache is unreachable");
    healthy = false;
  });
  // Without the offline queue, commands fail until the first connect; wait for it (or its failure).
  await new Promise<void>((resolve) => {
    client.once("ready", resolve);
    client.once("error", () => resolve());
  });
  return client;
}

/** Redis when a URL is given, else an LRU in this process's memory. */
export async function openSummaryCache(redisUrl: string | undefined, options: SummaryCacheOptions = {}): Promise<OpenedSummaryCache> {
  if (!redisUrl) return { cache: createSummaryCache({ kind: "memory" }, options), close: async () => {} };
  const client = await connectRedis(redisUrl);
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
