import type { Db } from "@/lib/db/client";
import { addRunProgress } from "@/lib/services/job-runs/add-run-progress";
import { closeFinishedRun } from "@/lib/services/job-runs/close-finished-run";
import { recordBatchLog } from "@/lib/services/job-runs/record-batch-log";
import type { ScrapePostsResult } from "./scrape-posts";
import type { StoreSlidesResult } from "./store-post-slides";

export interface FinishPostBatchInput {
  runId: string;
  workspaceId: string;
  batchId: string;
  scrapes: ScrapePostsResult[];
  slides: StoreSlidesResult[];
  now: Date;
}

/**
 * The batch's one scraping_logs row (posts processed, success rate, errors by code, the slides
 * stage's time included), the batch counted as finished, and the run closed when it was the last.
 */
export async function finishPostBatch(db: Db, input: FinishPostBatchInput): Promise<{ runFinished: boolean }> {
  const errors: Record<string, number> = {};
  let succeeded = 0;
  let processed = 0;
  let durationMs = 0;
  for (const attempt of input.scrapes) {
    succeeded += attempt.succeeded;
    processed += attempt.succeeded + attempt.failed;
    durationMs += attempt.durationMs;
    for (const [code, n] of Object.entries(attempt.errors)) errors[code] = (errors[code] ?? 0) + n;
  }
  for (const slides of input.slides) {
    durationMs += slides.durationMs;
    if (slides.failed > 0) errors["slide_failed"] = (errors["slide_failed"] ?? 0) + slides.failed;
  }
  return db.transaction(async (tx) => {
    await recordBatchLog(tx, { workspaceId: input.workspaceId, runId: input.runId, batchId: input.batchId, durationMs, processed, succeeded, errors, platform: "tiktok", scrapeMs: input.scrapes.flatMap((attempt) => attempt.scrapeMs), now: input.now });
    await addRunProgress(tx, { runId: input.runId, attemptKey: `${input.batchId}:finish`, done: 0, counters: { batchesFinished: 1 } });
    const closed = await closeFinishedRun(tx, { runId: input.runId, now: input.now, items: "post(s)", doneWhen: "batches" });
    return { runFinished: closed !== null };
  });
}
