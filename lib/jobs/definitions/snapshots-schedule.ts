import { scheduleSnapshotRuns } from "@/lib/services/snapshots/schedule-snapshot-runs";
import type { JobDeps } from "../job-deps";
import { onCron } from "./define-job";

// Every 15 minutes (UTC): each workspace's daily run starts on the first tick after its local time.
export const SNAPSHOT_SCHEDULE_CRON = "*/15 * * * *";

/** Cron → one snapshots.requested per workspace that is due today. */
export function snapshotsSchedule(deps: JobDeps & { snapshotLocalTime: string }) {
  return onCron(SNAPSHOT_SCHEDULE_CRON, {
    id: "snapshots-schedule",
    retries: 2,
    // Cron runs carry no event to key on; one tick at a time is enough.
    concurrency: [{ limit: 1 }],
    async handler({ step }) {
      const started = await step.run("create-runs", () =>
        deps.withDb((db) => scheduleSnapshotRuns(db, { now: deps.now(), localTime: deps.snapshotLocalTime })),
      );
      if (started.length > 0) await step.sendEvent("start-runs", started.map((run) => run.event));
      return { started: started.length };
    },
  });
}
