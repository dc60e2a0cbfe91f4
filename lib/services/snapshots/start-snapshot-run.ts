import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { accounts, jobRuns, workspaces } from "@/lib/db/schema";
import { PLATFORMS, type Platform } from "@/lib/domain/platforms";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { localDate } from "@/lib/domain/local-time";
import { SNAPSHOT_RUN_KIND, type SnapshotRunParams } from "./snapshot-run-params";

/** "Run now": every active account, one platform, or one account. */
export const snapshotScopeSchema = z
  .object({ platform: z.enum(PLATFORMS).optional(), accountId: z.uuid().optional() })
  .strict()
  .refine((scope) => !(scope.platform && scope.accountId), "give a platform or an account, not both");

export interface StartSnapshotRunInput {
  workspaceId: string;
  platform?: Platform;
  accountId?: string;
  trigger: "cron" | "manual" | "event";
  triggeredBy?: string | null;
  now: Date;
  /** A retry keeps its original day; fresh runs take today in the workspace's time zone. */
  snapshotDate?: string;
  retryOf?: string;
  includePermanentFailures?: boolean;
}

export interface StartedSnapshotRun {
  runId: string;
  snapshotDate: string;
  /** The event that starts it on either engine. */
  event: { name: "snapshots.requested"; data: { workspaceId: string; runId: string; platform?: Platform; accountId?: string; triggeredBy?: string } };
}

/**
 * Records a queued snapshot run. Works under RLS (editors may insert job runs) and on the service
 * path. One run at a time per workspace: two would scrape the same accounts twice.
 */
export async function startSnapshotRun(db: Db, input: StartSnapshotRunInput): Promise<StartedSnapshotRun> {
  const [workspace] = await db.select({ timezone: workspaces.timezone }).from(workspaces).where(eq(workspaces.id, input.workspaceId));
  if (!workspace) throw new AppError("not_found", "No such workspace.");
  if (input.accountId) {
    const [account] = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.id, input.accountId), eq(accounts.workspaceId, input.workspaceId)));
    if (!account) throw new AppError("not_found", "No such account.");
  }
  const [active] = await db
    .select({ id: jobRuns.id })
    .from(jobRuns)
    .where(and(eq(jobRuns.workspaceId, input.workspaceId), eq(jobRuns.kind, SNAPSHOT_RUN_KIND), inArray(jobRuns.status, ["queued", "running"])))
    .limit(1);
  if (active) throw new AppError("conflict", "A snapshot run is already in progress; cancel it or wait for it to finish.", { runId: active.id });

  const params: SnapshotRunParams = {
    snapshotDate: input.snapshotDate ?? localDate(workspace.timezone, input.now),
    includePermanentFailures: input.includePermanentFailures ?? false,
    ...(input.platform && { platform: input.platform }),
    ...(input.accountId && { accountId: input.accountId }),
    ...(input.retryOf && { retryOf: input.retryOf }),
  };
  const inserted = db
    .insert(jobRuns)
    .values({
      workspaceId: input.workspaceId,
      kind: SNAPSHOT_RUN_KIND,
      status: "queued",
      trigger: input.trigger,
      params,
      triggeredBy: input.triggeredBy ?? null,
      createdAt: input.now,
    })
    .returning({ id: jobRuns.id });
  const [run] = await inserted.catch((error: unknown) => {
    if (isUniqueViolation(error)) throw new AppError("conflict", "A snapshot run is already in progress; cancel it or wait for it to finish.");
    throw error;
  });
  if (!run) throw new AppError("internal");
  return {
    runId: run.id,
    snapshotDate: params.snapshotDate,
    event: {
      name: "snapshots.requested",
      data: {
        workspaceId: input.workspaceId,
        runId: run.id,
        ...(input.platform && { platform: input.platform }),
        ...(input.accountId && { accountId: input.accountId }),
        ...(input.triggeredBy && { triggeredBy: input.triggeredBy }),
      },
    },
  };
}
