import { planSnapshotRun } from "@/lib/services/snapshots/plan-snapshot-run";
import { jobEvent } from "../events";
import type { JobDeps } from "../job-deps";
import { onEvent } from "./define-job";
import { closeFailedRun } from "../close-failed-run";
import { logger } from "@/lib/log/logger";

// Events per sendEvent step: keeps each fan-out request well under Inngest's payload limit.
export const FAN_OUT_CHUNK = 100;

/** snapshots.requested → plan the run (accounts still without today's snapshot), fan out one event per batch. */
export function snapshotsRun(deps: JobDeps) {
  return onEvent("snapshots.requested", {
    id: "snapshots-run",
    retries: 3,
    concurrency: [{ key: "event.data.workspaceId", limit: 1 }],
    idempotency: "event.data.runId",
    cancelOn: [{ event: "snapshots.cancel", match: "data.runId" }],
    async handler({ event, step }) {
      const { runId } = event.data;
      const plan = await step.run("plan", () =>
        deps.withDb((db) => planSnapshotRun(db, runId, { now: deps.now(), limits: deps.scraper().config.limits })),
      );
      for (let start = 0; start < plan.batches.length; start += FAN_OUT_CHUNK) {
        const events = plan.batches
          .slice(start, start + FAN_OUT_CHUNK)
          .map((batch) =>
            jobEvent("snapshots.batch", { ...batch, runId, workspaceId: plan.workspaceId, snapshotDate: plan.snapshotDate, batchKey: `${runId}:${batch.batchId}` }),
          );
        await step.sendEvent(`fan-out-${start / FAN_OUT_CHUNK}`, events);
      }
      return { batches: plan.batches.length };
    },
    async onFailure({ event, error, step }) {
      // job_runs.error is shown to every member: the details (possibly SQL) stay in the server log.
      logger.error({ job: "snapshots-run", runId: event.data.runId, workspaceId: event.data.workspaceId, err: error }, "run failed");
      await closeFailedRun(deps, step, { runId: event.data.runId, workspaceId: event.data.workspaceId, error, fallback: "Planning failed; the details are in the server log." });
    },
  });
}
