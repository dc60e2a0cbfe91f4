import type { ThrottleRule } from "../job-definition";
import { addRunProgress } from "@/lib/services/job-runs/add-run-progress";
import { isRunRunning } from "@/lib/services/job-runs/is-run-running";
import { finishPostBatch } from "@/lib/services/posts/finish-post-batch";
import { loadPostResults } from "@/lib/services/posts/load-post-results";
import { scrapePosts, type ScrapePostsResult } from "@/lib/services/posts/scrape-posts";
import { storePostSlides, type StoreSlidesResult } from "@/lib/services/posts/store-post-slides";
import { batchSizeFor } from "@/lib/services/snapshots/plan-snapshot-run";
import type { RateLimit } from "@/lib/scrapers/config";
import { jobEvent } from "../events";
import type { JobDeps } from "../job-deps";
import { onEvent } from "./define-job";
import { closeFailedRun } from "../close-failed-run";
import { logger } from "@/lib/log/logger";

/** A first try and two retries (durable sleeps between them) for the scrape stage; one retry for slides. */
export const POST_SCRAPE_ATTEMPTS = 3;
export const SLIDE_ATTEMPTS = 2;

/** Batches per minute that keep TikTok page loads within its rate across every process Inngest runs. */
export function postBatchThrottle(limit: RateLimit): ThrottleRule {
  return { limit: Math.max(1, Math.floor((limit.perSecond * 60) / batchSizeFor(limit))), period: "1m" };
}

/**
 * posts.batch → scrape (attempts over the posts still without today's stats), slides (attempts
 * over the slides still not stored), write back (the plugged-in stage gets every post's result),
 * finish (scraping_logs row, close the run after its last batch). Every step is idempotent by state.
 */
export function postsBatch(deps: JobDeps) {
  return onEvent("posts.batch", {
    id: "posts-batch",
    retries: 3,
    // One workspace's batches do not crowd out the others'.
    concurrency: [{ key: "event.data.workspaceId", limit: 2 }],
    ...(deps.tiktokRateLimit && { throttle: postBatchThrottle(deps.tiktokRateLimit) }),
    idempotency: "event.data.batchKey",
    cancelOn: [{ event: "posts.cancel", match: "data.runId" }],
    async handler({ event, step }) {
      const { runId, workspaceId, statsDate, batchId, postIds } = event.data;
      const scrapes: ScrapePostsResult[] = [];
      let pending = postIds;
      for (let attempt = 0; attempt < POST_SCRAPE_ATTEMPTS && pending.length > 0; attempt++) {
        if (attempt > 0) await step.sleep(`scrape-backoff-${attempt}`, deps.retryBackoffMs(attempt));
        const ids = pending;
        const result = await step.run(`scrape-${attempt}`, () =>
          deps.withDb((db) =>
            scrapePosts(
              { db, scraper: deps.scraper(), now: deps.now },
              { runId, workspaceId, statsDate, postIds: ids, final: attempt === POST_SCRAPE_ATTEMPTS - 1, attemptKey: `${batchId}:scrape-${attempt}` },
            ),
          ),
        );
        if (result.cancelled) return { cancelled: true };
        scrapes.push(result);
        pending = result.retry;
      }
      const slides: StoreSlidesResult[] = [];
      for (let attempt = 0; attempt < SLIDE_ATTEMPTS; attempt++) {
        if (attempt > 0) await step.sleep(`slides-backoff-${attempt}`, deps.retryBackoffMs(attempt));
        const result = await step.run(`slides-${attempt}`, () =>
          deps.withDb((db) =>
            storePostSlides(
              { db, scraper: deps.scraper(), storage: deps.storage(), now: deps.now },
              { runId, workspaceId, statsDate, postIds, final: attempt === SLIDE_ATTEMPTS - 1 },
            ),
          ),
        );
        if (result.cancelled) return { cancelled: true };
        slides.push(result);
        if (!result.retry) break;
      }
      const written = await step.run("write-back", () =>
        deps.withDb(async (db) => {
          if (!(await isRunRunning(db, runId))) return { cancelled: true, writeRequests: 0 };
          const results = await loadPostResults(db, { workspaceId, postIds });
          const { readRequests, writeRequests, rateLimited } = await deps.postStages.writeBack({ db, workspaceId, runId, batchId, results, now: deps.now() });
          await addRunProgress(db, { runId, attemptKey: `${batchId}:write-back`, done: 0, counters: { sheetReadRequests: readRequests, sheetWriteRequests: writeRequests, sheetRateLimited: rateLimited } });
          return { cancelled: false, writeRequests };
        }),
      );
      if (written.cancelled) return { cancelled: true };
      const finished = await step.run("finish", () => deps.withDb((db) => finishPostBatch(db, { runId, workspaceId, batchId, scrapes, slides, now: deps.now() })));
      if (finished.runFinished) await step.sendEvent("run-finished", jobEvent("runs.finished", { workspaceId, runId }));
      return { attempts: scrapes.length, slideAttempts: slides.length, writeRequests: written.writeRequests, ...finished };
    },
    async onFailure({ event, error, step }) {
      logger.error({ job: "posts-batch", runId: event.data.runId, batchId: event.data.batchId, workspaceId: event.data.workspaceId, err: error }, "batch failed");
      await closeFailedRun(deps, step, { runId: event.data.runId, workspaceId: event.data.workspaceId, error, fallback: `Batch ${event.data.batchId} failed; the details are in the server log.` });
    },
  });
}
