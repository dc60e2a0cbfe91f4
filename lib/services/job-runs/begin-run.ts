import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { jobRuns } from "@/lib/db/schema";

export interface BeginRunInput {
  runId: string;
  /** Items the run will work on; 0 closes it at once, as failed or partial when counters.failed says items failed. */
  total: number;
  /** The counters it starts from (e.g. items skipped because they are already done). */
  counters: Record<string, number>;
  /** Merged into job_runs.params (e.g. the number of batches it fanned out). */
  params?: Record<string, unknown>;
  now: Date;
}

/**
 * A planned run starts: status running (or succeeded when there is nothing to do), progress from
 * zero. Only a queued or running run starts, so one cancelled while it was being planned stays cancelled.
 */
export async function beginRun(db: Db, input: BeginRunInput): Promise<boolean> {
  const done = input.total === 0;
  // Nothing left to do can still be a failure: items that failed before any work began (invalid rows).
  const failed = input.counters.failed ?? 0;
  const ok = (input.counters.succeeded ?? 0) + (input.counters.skipped ?? 0);
  const finalStatus = failed === 0 ? "succeeded" : ok === 0 ? "failed" : "partial";
  const started = await db
    .update(jobRuns)
    .set({
      status: done ? finalStatus : "running",
      progressDone: 0,
      progressTotal: input.total,
      counters: input.counters,
      ...(input.params && { params: sql`${jobRuns.params} || ${JSON.stringify(input.params)}::jsonb` }),
      startedAt: sql`coalesce(${jobRuns.startedAt}, ${input.now.toISOString()}::timestamptz)`,
      finishedAt: done ? input.now : null,
      error: null,
    })
    .where(and(eq(jobRuns.id, input.runId), inArray(jobRuns.status, ["queued", "running"])))
    .returning({ id: jobRuns.id });
  return started.length > 0;
}
