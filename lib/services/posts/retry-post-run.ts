import type { Db } from "@/lib/db/client";
import { findRetryableRun } from "@/lib/services/job-runs/find-retryable-run";
import { localDate } from "@/lib/domain/local-time";
import { POSTS_RUN_KIND, postRunParamsSchema } from "./post-run-params";
import { startPostRun, type StartedPostRun } from "./start-post-run";

/**
 * "Retry failed" (and resume an interrupted run): a new run over the same scope that picks up
 * every post not scraped today, permanent failures included. An older run's retry counts for today.
 */
export async function retryPostRun(
  db: Db,
  input: { workspaceId: string; runId: string; triggeredBy: string | null; now: Date },
): Promise<StartedPostRun> {
  const run = await findRetryableRun(db, { workspaceId: input.workspaceId, runId: input.runId, kind: POSTS_RUN_KIND });
  const params = postRunParamsSchema.parse(run.params);
  return startPostRun(db, {
    workspaceId: input.workspaceId,
    sheetSourceId: params.sheetSourceId,
    trigger: "manual",
    triggeredBy: input.triggeredBy,
    now: input.now,
    statsDate: localDate(run.timezone, input.now),
    retryOf: input.runId,
    includePermanentFailures: true,
  });
}
