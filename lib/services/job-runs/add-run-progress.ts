import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { jobRuns } from "@/lib/db/schema";

export interface RunProgress {
  runId: string;
  /** Unique per counted unit of work (a batch attempt): counted once even if the engine runs the step again. */
  attemptKey: string;
  /** Items finished by this unit, added to progress_done. */
  done: number;
  /** Added to job_runs.counters key by key; zeroes are kept so the key shows up. */
  counters: Record<string, number>;
}

const addTo = (key: string, n: number): SQL => sql`jsonb_build_object(${key}::text, coalesce((${jobRuns.counters}->>${key}::text)::int, 0) + ${n}::int)`;

/**
 * Adds a unit of work to a run's live progress and counters, replay-safe: a step that committed
 * and then ran again (a lost response) must not count its items twice. Returns whether it counted.
 */
export async function addRunProgress(db: Db, progress: RunProgress): Promise<boolean> {
  const entries = Object.entries(progress.counters);
  const counters = entries.length > 0 ? sql`counters || ${sql.join(entries.map(([key, n]) => addTo(key, n)), sql` || `)}` : sql`counters`;
  const rows = await db.execute(sql`
    update job_runs set progress_done = progress_done + ${progress.done}::int,
      counters = ${counters},
      params = jsonb_set(params, '{countedAttempts}', coalesce(params->'countedAttempts', '[]'::jsonb) || to_jsonb(${progress.attemptKey}::text))
    where id = ${progress.runId} and not coalesce(params->'countedAttempts', '[]'::jsonb) ? ${progress.attemptKey}::text
    returning id`);
  return rowsOf(rows).length > 0;
}
