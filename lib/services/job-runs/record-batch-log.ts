import type { Db } from "@/lib/db/client";
import type { Platform } from "@/lib/domain/platforms";
import { scrapingLogs } from "@/lib/db/schema";

export interface BatchLog {
  workspaceId: string;
  runId: string;
  batchId: string;
  durationMs: number;
  processed: number;
  succeeded: number;
  errors: Record<string, number>;
  /** The one platform a batch scrapes, and each scrape's time in ms. */
  platform: Platform;
  scrapeMs: number[];
  now: Date;
}

/** A batch's one scraping_logs row (duration, URLs, success rate, errors by code); idempotent on run + batch. */
export async function recordBatchLog(db: Db, log: BatchLog): Promise<void> {
  await db
    .insert(scrapingLogs)
    .values({
      workspaceId: log.workspaceId,
      jobRunId: log.runId,
      batchId: log.batchId,
      durationMs: Math.round(log.durationMs),
      urlsProcessed: log.processed,
      successRate: log.processed > 0 ? Math.round((log.succeeded / log.processed) * 1000) / 1000 : null,
      errors: log.errors,
      platform: log.platform,
      scrapeMs: log.scrapeMs,
      createdAt: log.now,
    })
    .onConflictDoNothing({ target: [scrapingLogs.jobRunId, scrapingLogs.batchId] });
}
