import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { accounts, workspaces } from "@/lib/db/schema";
import { PLATFORMS, type Platform } from "@/lib/domain/platforms";
import { AppError } from "@/lib/errors";
import { jobEvent, type RegisteredJobEvent } from "@/lib/jobs/events";
import { insertQueuedRun } from "@/lib/services/job-runs/insert-queued-run";
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
  event: RegisteredJobEvent<"snapshots.requested">;
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
  const params: SnapshotRunParams = {
    snapshotDate: input.snapshotDate ?? localDate(workspace.timezone, input.now),
    includePermanentFailures: input.includePermanentFailures ?? false,
    ...(input.platform && { platform: input.platform }),
    ...(input.accountId && { accountId: input.accountId }),
    ...(input.retryOf && { retryOf: input.retryOf }),
  };
  const { runId } = await insertQueuedRun(db, {
    workspaceId: input.workspaceId,
    kind: SNAPSHOT_RUN_KIND,
    trigger: input.trigger,
    params,
    triggeredBy: input.triggeredBy,
    now: input.now,
    busyMessage: "A snapshot run is already in progress; cancel it or wait for it to finish.",
  });
  return {
    runId,
    snapshotDate: params.snapshotDate,
    event: jobEvent("snapshots.requested", {
      workspaceId: input.workspaceId,
      runId,
      ...(input.platform && { platform: input.platform }),
      ...(input.accountId && { accountId: input.accountId }),
      ...(input.triggeredBy && { triggeredBy: input.triggeredBy }),
    }),
  };
}
