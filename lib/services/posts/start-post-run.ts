import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { sheetSources, workspaces } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { jobEvent, type RegisteredJobEvent } from "@/lib/jobs/events";
import { insertQueuedRun } from "@/lib/services/job-runs/insert-queued-run";
import { localDate } from "@/lib/domain/local-time";
import { POSTS_RUN_KIND, type PostRunParams } from "./post-run-params";

/** "Run posts now": every post of the workspace, or one sheet source's. */
export const postRunScopeSchema = z.object({ kind: z.literal(POSTS_RUN_KIND), sheetSourceId: z.uuid().optional() }).strict();

export interface StartPostRunInput {
  workspaceId: string;
  sheetSourceId?: string;
  trigger: "cron" | "manual" | "event";
  triggeredBy?: string | null;
  now: Date;
  /** A retry keeps its original day; fresh runs take today in the workspace's time zone. */
  statsDate?: string;
  retryOf?: string;
  includePermanentFailures?: boolean;
}

export interface StartedPostRun {
  runId: string;
  statsDate: string;
  event: RegisteredJobEvent<"posts.requested">;
}

/** Records a queued post pipeline run (under RLS for editors, or on the service path); one at a time per workspace. */
export async function startPostRun(db: Db, input: StartPostRunInput): Promise<StartedPostRun> {
  const [workspace] = await db.select({ timezone: workspaces.timezone }).from(workspaces).where(eq(workspaces.id, input.workspaceId));
  if (!workspace) throw new AppError("not_found", "No such workspace.");
  if (input.sheetSourceId) {
    const [sheet] = await db
      .select({ id: sheetSources.id })
      .from(sheetSources)
      .where(and(eq(sheetSources.id, input.sheetSourceId), eq(sheetSources.workspaceId, input.workspaceId)));
    if (!sheet) throw new AppError("not_found", "No such sheet.");
  }
  const params: PostRunParams = {
    statsDate: input.statsDate ?? localDate(workspace.timezone, input.now),
    includePermanentFailures: input.includePermanentFailures ?? false,
    ...(input.sheetSourceId && { sheetSourceId: input.sheetSourceId }),
    ...(input.retryOf && { retryOf: input.retryOf }),
  };
  const { runId } = await insertQueuedRun(db, {
    workspaceId: input.workspaceId,
    kind: POSTS_RUN_KIND,
    trigger: input.trigger,
    params,
    triggeredBy: input.triggeredBy,
    now: input.now,
    busyMessage: "A post pipeline run is already in progress; cancel it or wait for it to finish.",
  });
  return {
    runId,
    statsDate: params.statsDate,
    event: jobEvent("posts.requested", {
      workspaceId: input.workspaceId,
      runId,
      ...(input.sheetSourceId && { sheetSourceId: input.sheetSourceId }),
      ...(input.triggeredBy && { triggeredBy: input.triggeredBy }),
    }),
  };
}
