import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import type { JobStatus } from "@/lib/domain/job-status";

export interface CloseRunInput {
  runId: string;
  now: Date;
  /** Plural noun for the run's items in its error line: "account(s)", "post(s)". */
  items: string;
  /**
   * When the run is complete: every item counted in progress_done (the default), or every batch
   * counted in counters.batchesFinished against params.batchCount (runs whose batches go on after their items).
   */
  doneWhen?: "progress" | "batches";
}

/**
 * Closes a running run once its work is complete, with a status that reflects its items:
 * "failed" when nothing succeeded and something failed, "partial" when some failed, else
 * "succeeded". Batches finish in any order: whichever commits last closes it; the others get null.
 */
export async function closeFinishedRun(db: Db, input: CloseRunInput): Promise<JobStatus | null> {
  const complete =
    input.doneWhen === "batches"
      ? sql`coalesce((counters->>'batchesFinished')::int, 0) >= coalesce((params->>'batchCount')::int, 0)`
      : sql`progress_done >= coalesce(progress_total, 0)`;
  const failed = sql`coalesce((counters->>'failed')::int, 0)`;
  const succeeded = sql`coalesce((counters->>'succeeded')::int, 0)`;
  const closed = rowsOf<{ status: JobStatus }>(
    await db.execute(sql`
      update job_runs set
        status = (case when ${failed} > 0 and ${succeeded} = 0 then 'failed' when ${failed} > 0 then 'partial' else 'succeeded' end)::job_status,
        finished_at = ${input.now.toISOString()}::timestamptz,
        error = case when ${failed} > 0 then ${failed}::text || ${` ${input.items} failed; see the error counts`}::text else null end
      where id = ${input.runId} and status = 'running' and ${complete}
      returning status::text as status`),
  );
  return closed[0]?.status ?? null;
}
