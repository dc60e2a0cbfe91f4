import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { jobRuns, workspaces } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { jobEvent } from "@/lib/jobs/events";
import { localDate, localMinutes, parseLocalTime } from "@/lib/domain/local-time";
import { POSTS_RUN_KIND } from "./post-run-params";
import { startPostRun, type StartedPostRun } from "./start-post-run";

const RESEND_AFTER_MS = 10 * 60 * 1000;

/**
 * The daily refresh, called by a frequent cron tick: every workspace with TikTok posts whose local
 * time has passed its daily time (the snapshot time, else `localTime`) and that has no scheduled
 * post run for its local day gets one; a run still queued long after it was created is sent again.
 */
export async function schedulePostRuns(db: Db, options: { now: Date; localTime: string }): Promise<StartedPostRun[]> {
  const fallback = parseLocalTime(options.localTime);
  const started: StartedPostRun[] = [];
  const all = await db
    .select({ id: workspaces.id, timezone: workspaces.timezone, snapshotTime: workspaces.snapshotTime })
    .from(workspaces)
    .where(sql`exists (select 1 from tiktok_posts p where p.workspace_id = ${workspaces.id})`);
  for (const workspace of all) {
    const due = workspace.snapshotTime ? parseLocalTime(workspace.snapshotTime) : fallback;
    if (localMinutes(workspace.timezone, options.now) < due) continue;
    const today = localDate(workspace.timezone, options.now);
    const [existing] = await db
      .select({ id: jobRuns.id, status: jobRuns.status, createdAt: jobRuns.createdAt })
      .from(jobRuns)
      .where(and(eq(jobRuns.workspaceId, workspace.id), eq(jobRuns.kind, POSTS_RUN_KIND), eq(jobRuns.trigger, "cron"), sql`${jobRuns.params}->>'statsDate' = ${today}`))
      .limit(1);
    if (existing?.status === "queued" && options.now.getTime() - existing.createdAt.getTime() >= RESEND_AFTER_MS) {
      started.push({ runId: existing.id, statsDate: today, event: jobEvent("posts.requested", { workspaceId: workspace.id, runId: existing.id }) });
    }
    if (existing) continue;
    try {
      started.push(await startPostRun(db, { workspaceId: workspace.id, trigger: "cron", now: options.now, statsDate: today }));
    } catch (error) {
      if (!(error instanceof AppError && error.code === "conflict")) throw error;
    }
  }
  return started;
}
