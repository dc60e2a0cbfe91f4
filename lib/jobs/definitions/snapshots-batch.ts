import { finishSnapshotBatch } from "@/lib/services/snapshots/finish-snapshot-batch";
import { snapshotAccounts, type SnapshotAttemptResult } from "@/lib/services/snapshots/snapshot-accounts";
import { jobEvent } from "../events";
import type { JobDeps } from "../job-deps";
import { onEvent } from "./define-job";
import { closeFailedRun } from "../close-failed-run";
import { logger } from "@/lib/log/logger";

/** A first try and two retries, with a durable sleep between them, for rate limits, blocks and network errors. */
export const SNAPSHOT_ATTEMPTS = 3;

/**
 * snapshots.batch → scrape and upsert one platform's batch. Each attempt is one step over the
 * accounts still pending, idempotent on (account, day); Inngest allows 1,000 steps per run, so a
 * step per account would not fit a large workspace.
 */
export function snapshotsBatch(deps: JobDeps) {
  return onEvent("snapshots.batch", {
    id: "snapshots-batch",
    retries: 3,
    // Keyed per platform across workspaces: the platforms limit us by IP, not by workspace.
    concurrency: [{ key: "event.data.platform", limit: 4, scope: "env" }],
    idempotency: "event.data.batchKey",
    cancelOn: [{ event: "snapshots.cancel", match: "data.runId" }],
    async handler({ event, step }) {
      const { runId, workspaceId, snapshotDate, batchId, platform } = event.data;
      const attempts: SnapshotAttemptResult[] = [];
      let pending = event.data.accountIds;
      for (let attempt = 0; attempt < SNAPSHOT_ATTEMPTS && pending.length > 0; attempt++) {
        if (attempt > 0) await step.sleep(`backoff-${attempt}`, deps.retryBackoffMs(attempt));
        const accountIds = pending;
        const result = await step.run(`attempt-${attempt}`, () =>
          deps.withDb((db) =>
            snapshotAccounts(
              { db, scraper: deps.scraper(), now: deps.now, oneByOne: deps.oneByOne },
              {
                runId, workspaceId, snapshotDate, accountIds, final: attempt === SNAPSHOT_ATTEMPTS - 1, attemptKey: `${batchId}:${attempt}`,
                attempt: { batchId, number: attempt + 1, of: SNAPSHOT_ATTEMPTS },
              },
            ),
          ),
        );
        if (result.cancelled) return { cancelled: true };
        attempts.push(result);
        pending = result.retry;
      }
      const finished = await step.run("finish", () =>
        deps.withDb((db) => finishSnapshotBatch(db, { runId, workspaceId, batchId, platform, attempts, now: deps.now() })),
      );
      if (finished.runFinished) await step.sendEvent("run-finished", jobEvent("runs.finished", { workspaceId, runId }));
      return { attempts: attempts.length, ...finished };
    },
    async onFailure({ event, error, step }) {
      logger.error({ job: "snapshots-batch", runId: event.data.runId, batchId: event.data.batchId, workspaceId: event.data.workspaceId, err: error }, "batch failed");
      await closeFailedRun(deps, step, { runId: event.data.runId, workspaceId: event.data.workspaceId, error, fallback: `Batch ${event.data.batchId} failed; the details are in the server log.` });
    },
  });
}
