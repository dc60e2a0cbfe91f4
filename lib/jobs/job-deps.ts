import type { Db } from "@/lib/db/client";
import { withServiceDb } from "@/lib/db/service";
import { env } from "@/lib/env";
import type { RateLimit } from "@/lib/scrapers/config";
import { scraperConfigFromEnv } from "@/lib/scrapers/config-from-env";
import { createScraperContext, type ScraperContext } from "@/lib/scrapers/context";
import type { PostPipelineStages } from "@/lib/services/posts/pipeline-stages";
import { sheetPipelineStages } from "@/lib/services/posts/sheet-pipeline-stages";
import { getSheetsClient } from "@/lib/sheets/process-sheets-client";
import { getStorage } from "@/lib/storage/get-storage";
import type { Storage } from "@/lib/storage/storage";
import type { DeliveryTransport } from "@/lib/services/deliveries/delivery-transport";
import type { RetentionPolicy } from "@/lib/services/retention/prune-old-records";

/** What job handlers need from the outside world; tests and the bench pass their own. */
export interface JobDeps {
  /** The service path: jobs act for the system, after the API checked the caller's role. */
  withDb<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  scraper(): ScraperContext;
  /** Where slides go: Supabase Storage in production, local files by default. */
  storage(): Storage;
  /** The post pipeline's sync and write-back stages (lib/services/posts/pipeline-stages.ts). */
  postStages: PostPipelineStages;
  /** TikTok's request rate, declared as the posts-batch throttle on Inngest (the local runner relies on the scrapers' limiter). */
  tiktokRateLimit?: RateLimit;
  now(): Date;
  /** Local time of the daily snapshot run ("06:00"), or null when the schedule is off. */
  snapshotLocalTime: string | null;
  /** Wait before a batch's attempt `n` (n ≥ 1) for accounts that failed with a retryable error. */
  retryBackoffMs(attempt: number): number;
  /** Posts per posts.batch; by default about 30 s of page loads at TikTok's rate (5 to 50). */
  postBatchSize?: number;
  /** How long scraping logs and audit entries are kept; absent, the pruning job is not scheduled. */
  retention?: RetentionPolicy;
  /** How webhooks, Slack messages and alert emails go out; from the environment when absent. */
  deliveryTransport?: DeliveryTransport;
  /** Bench baseline only: write snapshots one row per statement. */
  oneByOne?: boolean;
}

const holder = globalThis as unknown as { __reachScraper?: ScraperContext };

export function processJobDeps(): JobDeps {
  const scraper = () => (holder.__reachScraper ??= createScraperContext(scraperConfigFromEnv()));
  return {
    withDb: withServiceDb,
    scraper,
    storage: getStorage,
    postStages: sheetPipelineStages({ sheets: getSheetsClient, scraper }),
    tiktokRateLimit: scraperConfigFromEnv().limits.tiktok,
    now: () => new Date(),
    snapshotLocalTime: env.SNAPSHOT_LOCAL_TIME,
    retryBackoffMs: (attempt) => 15_000 * 4 ** (attempt - 1),
    retention: { scrapingLogDays: env.SCRAPING_LOG_RETENTION_DAYS, auditLogDays: env.AUDIT_LOG_RETENTION_DAYS },
  };
}
