import { addRunProgress } from "@/lib/services/job-runs/add-run-progress";
import { loadPostResults } from "@/lib/services/posts/load-post-results";
import { planPostRun } from "@/lib/services/posts/plan-post-run";
import { batchSizeFor } from "@/lib/services/snapshots/plan-snapshot-run";
import { jobEvent } from "../events";
import type { JobDeps } from "../job-deps";
import { onEvent } from "./define-job";
import { FAN_OUT_CHUNK } from "./snapshots-run";
import { closeFailedRun } from "../close-failed-run";
import { logger } from "@/lib/log/logger";

/**
 * posts.requested → the sync stage (a sheet's ready rows upserted as posts; a no-op until sheets
 * are plugged in), then plan the run and fan out one posts.batch event per batch.
 */
export function postsRun(deps: JobDeps) {
  return onEvent("posts.requested", {
    id: "posts-run",
    retries: 3,
    concurrency: [{ key: "event.data.workspaceId", limit: 1 }],
    idempotency: "event.data.runId",
    cancelOn: [{ event: "posts.cancel", match: "data.runId" }],
    async handler({ event, step }) {
      const { runId, workspaceId, sheetSourceId } = event.data;
      const synced = await step.run("sync", () => deps.withDb((db) => deps.postStages.sync({ db, workspaceId, runId, sheetSourceId, now: deps.now() })));
      const plan = await step.run("plan", () =>
        deps.withDb((db) =>
          planPostRun(db, {
            runId,
            now: deps.now(),
            batchSize: deps.postBatchSize ?? batchSizeFor(deps.scraper().config.limits.tiktok),
            synced,
          }),
        ),
      );
      // Ready rows whose post needs no work today (scraped earlier, or a second row for it) still get its result.
      const planned = new Set(plan.batches.flatMap((batch) => batch.postIds));
      const unchanged = synced.postIds.filter((id) => !planned.has(id));
      if (unchanged.length > 0 && plan.workspaceId) {
        await step.run("write-back-unchanged", () =>
          deps.withDb(async (db) => {
            const results = await loadPostResults(db, { workspaceId, postIds: unchanged });
            const { readRequests, writeRequests, rateLimited } = await deps.postStages.writeBack({ db, workspaceId, runId, batchId: "sync", results, now: deps.now() });
            await addRunProgress(db, { runId, attemptKey: "sync:write-back", done: 0, counters: { sheetReadRequests: readRequests, sheetWriteRequests: writeRequests, sheetRateLimited: rateLimited } });
            return { writeRequests };
          }),
        );
      }
      for (let start = 0; start < plan.batches.length; start += FAN_OUT_CHUNK) {
        const events = plan.batches
          .slice(start, start + FAN_OUT_CHUNK)
          .map((batch) => jobEvent("posts.batch", { ...batch, runId, workspaceId: plan.workspaceId, statsDate: plan.statsDate, batchKey: `${runId}:${batch.batchId}` }));
        await step.sendEvent(`fan-out-${start / FAN_OUT_CHUNK}`, events);
      }
      return { batches: plan.batches.length };
    },
    async onFailure({ event, error, step }) {
      logger.error({ job: "posts-run", runId: event.data.runId, workspaceId: event.data.workspaceId, err: error }, "run failed");
      await closeFailedRun(deps, step, { runId: event.data.runId, workspaceId: event.data.workspaceId, error, fallback: "Sync or planning failed; the details are in the server log." });
    },
  });
}
