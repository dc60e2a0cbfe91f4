import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { jobRuns, workspaces } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { jobEvent } from "@/lib/jobs/events";
import { localDate, localMinutes, parseLocalTime } from "@/lib/domain/local-time";
import { SNAPSHOT_RUN_KIND } from "./snapshot-run-params";
import { startSnapshotRun, type StartedSnapshotRun } from "./start-snapshot-run";

const RESEND_AFTER_MS = 10 * 60 * 1000;

/**
 * Called by a frequent cron tick: every workspace whose local time has passed its daily snapshot
 * time (its own, else `localTime`) and that has no scheduled run for its local day yet gets one. A tick missed while the
 * server was down is caught up by the next; a workspace busy with a manual run waits one tick.
 */
export async function scheduleSnapshotRuns(db: Db, options: { now: Date; localTime: string }): Promise<StartedSnapshotRun[]> {
  const fallback = parseLocalTime(options.localTime);
  const started: StartedSnapshotRun[] = [];
  const all = await db.select({ id: workspaces.id, timezone: workspaces.timezone, snapshotTime: workspaces.snapshotTime }).from(workspaces);
  for (const workspace of all) {
    const due = workspace.snapshotTime ? parseLocalTime(workspace.snapshotTime) : fallback;
    if (localMinutes(workspace.timezone, options.now) < due) continue;
    const today = localDate(workspace.timezone, options.now);
    const [existing] = await db
      .select({ id: jobRuns.id, status: jobRuns.status, createdAt: jobRuns.createdAt })
      .from(jobRuns)
      .where(and(eq(jobRuns.workspaceId, workspace.id), eq(jobRuns.kind, SNAPSHOT_RUN_KIND), eq(jobRuns.trigger, "cron"), sql`${jobRuns.params}->>'snapshotDate' = ${today}`))
      .limit(1);
    // A run still queued long after it was created lost its start event (a crash before sending):
    // send it again; the engines drop the duplicate if the first one did arrive (idempotent on runId).
    if (existing?.status === "queued" && options.now.getTime() - existing.createdAt.getTime() >= RESEND_AFTER_MS) {
      started.push({
        runId: existing.id,
        snapshotDate: today,
        event: jobEvent("snapshots.requested", { workspaceId: workspace.id, runId: existing.id }),
      });
    }
    if (existing) continue;
    try {
      started.push(await startSnapshotRun(db, { workspaceId: workspace.id, trigger: "cron", now: options.now, snapshotDate: today }));
    } catch (error) {
      if (!(error instanceof AppError && error.code === "conflict")) throw error;
    }
  }
  return started;
}
