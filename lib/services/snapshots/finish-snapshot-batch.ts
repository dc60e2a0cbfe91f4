import type { Db } from "@/lib/db/client";
import type { Platform } from "@/lib/domain/platforms";
import { closeFinishedRun } from "@/lib/services/job-runs/close-finished-run";
import { recordBatchLog } from "@/lib/services/job-runs/record-batch-log";
import type { SnapshotAttemptResult } from "./snapshot-accounts";

export interface FinishSnapshotBatchInput {
  runId: string;
  workspaceId: string;
  batchId: string;
  platform: Platform;
  attempts: SnapshotAttemptResult[];
  now: Date;
}

/**
 * Writes the batch's one scraping_logs row (idempotent on run + batch) and, when the run's progress
 * reaches its total, closes the run (succeeded, partial or failed, from its counts).
 */
export async function finishSnapshotBatch(db: Db, input: FinishSnapshotBatchInput): Promise<{ runFinished: boolean }> {
  const errors: Record<string, number> = {};
  let succeeded = 0;
  let processed = 0;
  let durationMs = 0;
  for (const attempt of input.attempts) {
    succeeded += attempt.succeeded;
    processed += attempt.succeeded + attempt.failed;
    durationMs += attempt.durationMs;
    for (const [code, n] of Object.entries(attempt.errors)) errors[code] = (errors[code] ?? 0) + n;
  }
  await recordBatchLog(db, {
    workspaceId: input.workspaceId,
    runId: input.runId,
    batchId: input.batchId,
    durationMs,
    processed,
    succeeded,
    errors,
    platform: input.platform,
    scrapeMs: input.attempts.flatMap((attempt) => attempt.scrapeMs),
    now: input.now,
  });
  const closed = await closeFinishedRun(db, { runId: input.runId, now: input.now, items: "account(s)" });
  return { runFinished: closed !== null };
}
