import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { findRetryableRun } from "@/lib/services/job-runs/find-retryable-run";
import { localDate } from "@/lib/domain/local-time";
import { SNAPSHOT_RUN_KIND, snapshotRunParamsSchema } from "./snapshot-run-params";
import { startSnapshotRun, type StartedSnapshotRun } from "./start-snapshot-run";

/**
 * "Retry failed" (and resume an interrupted run): a new run over the same scope and day that picks
 * up every account still without that day's snapshot, permanent failures included.
 */
export async function retrySnapshotRun(
  db: Db,
  input: { workspaceId: string; runId: string; triggeredBy: string | null; now: Date },
): Promise<StartedSnapshotRun> {
  const run = await findRetryableRun(db, { workspaceId: input.workspaceId, runId: input.runId, kind: SNAPSHOT_RUN_KIND });
  const params = snapshotRunParamsSchema.parse(run.params);
  // A snapshot is dated by the day it was taken: yesterday's gaps cannot be filled with today's numbers.
  if (params.snapshotDate !== localDate(run.timezone, input.now)) {
    throw new AppError("conflict", "Only today's runs can be retried; start a new run instead.");
  }
  return startSnapshotRun(db, {
    workspaceId: input.workspaceId,
    platform: params.platform,
    accountId: params.accountId,
    trigger: "manual",
    triggeredBy: input.triggeredBy,
    now: input.now,
    snapshotDate: params.snapshotDate,
    retryOf: input.runId,
    includePermanentFailures: true,
  });
}
