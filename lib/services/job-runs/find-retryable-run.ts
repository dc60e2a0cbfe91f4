import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { jobRuns, workspaces } from "@/lib/db/schema";
import type { JobKind } from "@/lib/domain/job-kinds";
import { AppError } from "@/lib/errors";

export interface RetryableRun {
  kind: string;
  params: Record<string, unknown>;
  timezone: string;
}

/** "Retry failed" / "Resume" applies to a finished run of this workspace (of `kind` when given). */
export async function findRetryableRun(db: Db, input: { workspaceId: string; runId: string; kind?: JobKind }): Promise<RetryableRun> {
  const [run] = await db
    .select({ kind: jobRuns.kind, status: jobRuns.status, params: jobRuns.params, timezone: workspaces.timezone })
    .from(jobRuns)
    .innerJoin(workspaces, eq(workspaces.id, jobRuns.workspaceId))
    .where(and(eq(jobRuns.id, input.runId), eq(jobRuns.workspaceId, input.workspaceId)));
  if (!run || (input.kind && run.kind !== input.kind)) throw new AppError("not_found", "No such run.");
  if (run.status === "queued" || run.status === "running") throw new AppError("conflict", "The run is still in progress.");
  return { kind: run.kind, params: run.params, timezone: run.timezone };
}
