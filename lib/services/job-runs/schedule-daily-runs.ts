import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { jobRuns, workspaces } from "@/lib/db/schema";
import { localDate, localMinutes, parseLocalTime } from "@/lib/domain/local-time";
import type { JobKind } from "@/lib/domain/job-kinds";
import { AppError } from "@/lib/errors";

/** What the daily scheduler needs to know about one job kind. */
export interface DailyRunKind<Started> {
  kind: JobKind;
  /** The params key that holds a run's local day. */
  dayParam: string;
  /** Restricts the workspaces to those with work of this kind (none: every workspace). */
  hasWork?: SQL;
  start(db: Db, input: { workspaceId: string; now: Date; day: string }): Promise<Started>;
  /** The start event of a run that was recorded but may never have been sent. */
  resend(input: { workspaceId: string; runId: string; day: string }): Started;
}

const RESEND_AFTER_MS = 10 * 60 * 1000;

/**
 * Called by a frequent cron tick: every workspace whose local time has passed its daily time (its own,
 * else `localTime`) and that has no scheduled run of this kind for its local day gets one. A tick missed
 * while the server was down is caught up by the next; a workspace busy with a manual run waits one tick.
 */
export async function scheduleDailyRuns<Started>(db: Db, kind: DailyRunKind<Started>, options: { now: Date; localTime: string }): Promise<Started[]> {
  const fallback = parseLocalTime(options.localTime);
  const started: Started[] = [];
  const all = await db
    .select({ id: workspaces.id, timezone: workspaces.timezone, snapshotTime: workspaces.snapshotTime })
    .from(workspaces)
    .where(kind.hasWork);
  for (const workspace of all) {
    const due = workspace.snapshotTime ? parseLocalTime(workspace.snapshotTime) : fallback;
    if (localMinutes(workspace.timezone, options.now) < due) continue;
    const day = localDate(workspace.timezone, options.now);
    const [existing] = await db
      .select({ id: jobRuns.id, status: jobRuns.status, createdAt: jobRuns.createdAt })
      .from(jobRuns)
      .where(and(eq(jobRuns.workspaceId, workspace.id), eq(jobRuns.kind, kind.kind), eq(jobRuns.trigger, "cron"), sql`${jobRuns.params}->>${kind.dayParam} = ${day}`))
      .limit(1);
    // A run still queued long after it was created lost its start event (a crash before sending):
    // send it again; the engines drop the duplicate if the first one did arrive (idempotent on runId).
    if (existing?.status === "queued" && options.now.getTime() - existing.createdAt.getTime() >= RESEND_AFTER_MS) {
      started.push(kind.resend({ workspaceId: workspace.id, runId: existing.id, day }));
    }
    if (existing) continue;
    try {
      started.push(await kind.start(db, { workspaceId: workspace.id, now: options.now, day }));
    } catch (error) {
      if (!(error instanceof AppError && error.code === "conflict")) throw error;
    }
  }
  return started;
}
