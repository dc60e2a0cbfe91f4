import { scheduleDailyRuns, type DailyRunKind } from "@/lib/services/job-runs/schedule-daily-runs";
import type { RegisteredJobEvent } from "../events";
import type { JobDeps } from "../job-deps";
import { onCron } from "./define-job";

// Every 15 minutes (UTC): each workspace's daily run starts on the first tick after its local time.
export const DAILY_SCHEDULE_CRON = "*/15 * * * *";

/** Cron → one start event per workspace whose daily run of this kind is due today. */
export function dailySchedule<Started extends { event: RegisteredJobEvent }>(id: string, kind: DailyRunKind<Started>, deps: JobDeps & { snapshotLocalTime: string }) {
  return onCron(DAILY_SCHEDULE_CRON, {
    id,
    retries: 2,
    // Cron runs carry no event to key on; one tick at a time is enough.
    concurrency: [{ limit: 1 }],
    async handler({ step }) {
      const started = await step.run("create-runs", () => deps.withDb((db) => scheduleDailyRuns(db, kind, { now: deps.now(), localTime: deps.snapshotLocalTime })));
      if (started.length > 0) await step.sendEvent("start-runs", started.map((run) => run.event));
      return { started: started.length };
    },
  });
}
