import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { jobRuns } from "@/lib/db/schema";
import type { JobKind } from "@/lib/domain/job-kinds";
import { AppError } from "@/lib/errors";

export interface QueuedRunInput {
  workspaceId: string;
  kind: JobKind;
  trigger: "cron" | "manual" | "event";
  params: Record<string, unknown>;
  triggeredBy?: string | null;
  now: Date;
  /** Shown on a conflict: what is already running. */
  busyMessage: string;
}

/**
 * Records a queued run. One active run per workspace and kind: the check gives a readable 409,
 * the partial unique index settles two requests that race past it. Works under RLS and on the service path.
 */
export async function insertQueuedRun(db: Db, input: QueuedRunInput): Promise<{ runId: string }> {
  const [active] = await db
    .select({ id: jobRuns.id })
    .from(jobRuns)
    .where(and(eq(jobRuns.workspaceId, input.workspaceId), eq(jobRuns.kind, input.kind), inArray(jobRuns.status, ["queued", "running"])))
    .limit(1);
  if (active) throw new AppError("conflict", input.busyMessage, { runId: active.id });
  const [run] = await db
    .insert(jobRuns)
    .values({
      workspaceId: input.workspaceId,
      kind: input.kind,
      status: "queued",
      trigger: input.trigger,
      params: input.params,
      triggeredBy: input.triggeredBy ?? null,
      createdAt: input.now,
    })
    .returning({ id: jobRuns.id })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError("conflict", input.busyMessage);
      throw error;
    });
  if (!run) throw new AppError("internal");
  return { runId: run.id };
}
