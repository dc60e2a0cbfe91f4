import { sql } from "drizzle-orm";
import { workspaces } from "@/lib/db/schema";
import { jobEvent } from "@/lib/jobs/events";
import type { DailyRunKind } from "@/lib/services/job-runs/schedule-daily-runs";
import { POSTS_RUN_KIND } from "./post-run-params";
import { startPostRun, type StartedPostRun } from "./start-post-run";

/** The daily refresh: a post run for every workspace with TikTok posts, at the same local time as its snapshots. */
export const DAILY_POST_RUNS: DailyRunKind<StartedPostRun> = {
  kind: POSTS_RUN_KIND,
  dayParam: "statsDate",
  hasWork: sql`exists (select 1 from tiktok_posts p where p.workspace_id = ${workspaces.id})`,
  start: (db, { workspaceId, now, day }) => startPostRun(db, { workspaceId, trigger: "cron", now, statsDate: day }),
  resend: ({ workspaceId, runId, day }) => ({ runId, statsDate: day, event: jobEvent("posts.requested", { workspaceId, runId }) }),
};

