import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { scrapingLogs } from "@/lib/db/schema";
import type { SnapshotAttemptResult } from "./snapshot-accounts";

export interface FinishSnapshotBatchInput {
  runId: string;
  workspaceId: string;
  batchId: string;
  attempts: SnapshotAttemptResult[];
  now: Date;
}

/**
 * Writes the batch's one scraping_logs row (idempotent on run + batch) and, when the run's progress
 * reaches its total, closes the run. Batches finish in any order: whichever commits last closes it.
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
  await db
    .insert(scrapingLogs)
    .values({
      workspaceId: input.workspaceId,
      jobRunId: input.runId,
      batchId: input.batchId,
      durationMs,
      urlsProcessed: processed,
      successRate: processed > 0 ? Math.round((succeeded / processed) * 1000) / 1000 : null,
      errors,
      createdAt: input.now,
    })
    .onConflictDoNothing({ target: [scrapingLogs.jobRunId, scrapingLogs.batchId] });
  const closed = rowsOf<{ id: string }>(
    await db.execute(sql`
      update job_runs set status = 'succeeded', finished_at = ${input.now.toISOString()}::timestamptz,
        error = case when coalesce((counters->>'failed')::int, 0) > 0
          then (counters->>'failed') || ' account(s) failed; see the error counts' else null end
      where id = ${input.runId} and status = 'running' and progress_done >= coalesce(progress_total, 0)
      returning id`),
  );
  return { runFinished: closed.length > 0 };
}
