import { schedulePostRuns } from "@/lib/services/posts/schedule-post-runs";
import type { JobDeps } from "../job-deps";
import { onCron } from "./define-job";
import { SNAPSHOT_SCHEDULE_CRON } from "./snapshots-schedule";

/** Cron → the daily refresh: one posts.requested per workspace with posts that is due today. */
export function postsSchedule(deps: JobDeps & { snapshotLocalTime: string }) {
  return onCron(SNAPSHOT_SCHEDULE_CRON, {
    id: "posts-schedule",
    retries: 2,
    concurrency: [{ limit: 1 }],
    async handler({ step }) {
      const started = await step.run("create-runs", () => deps.withDb((db) => schedulePostRuns(db, { now: deps.now(), localTime: deps.snapshotLocalTime })));
      if (started.length > 0) await step.sendEvent("start-runs", started.map((run) => run.event));
      return { started: started.length };
    },
  });
}
