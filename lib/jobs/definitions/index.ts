import { DAILY_POST_RUNS } from "@/lib/services/posts/schedule-post-runs";
import { DAILY_SNAPSHOT_RUNS } from "@/lib/services/snapshots/schedule-snapshot-runs";
import type { JobDeps } from "../job-deps";
import { alertsSchedule } from "./alerts-schedule";
import { dailySchedule } from "./daily-schedule";
import { deliveriesSend } from "./deliveries-send";
import type { AppJobDefinition } from "./define-job";
import { postsBatch } from "./posts-batch";
import { postsRun } from "./posts-run";
import { pruneRecords } from "./prune-records";
import { runsFinished } from "./runs-finished";
import { snapshotsBatch } from "./snapshots-batch";
import { snapshotsRun } from "./snapshots-run";

export type { AppJobDefinition } from "./define-job";

/** Every job, engine-neutral: Inngest serves them (inngest/functions), or the local runner runs the very same handlers. */
export function createJobDefinitions(deps: JobDeps): AppJobDefinition[] {
  const definitions = [snapshotsRun(deps), snapshotsBatch(deps), postsRun(deps), postsBatch(deps), runsFinished(deps), deliveriesSend(deps), alertsSchedule(deps)];
  if (deps.snapshotLocalTime) {
    const scheduled = { ...deps, snapshotLocalTime: deps.snapshotLocalTime };
    definitions.push(dailySchedule("snapshots-schedule", DAILY_SNAPSHOT_RUNS, scheduled), dailySchedule("posts-schedule", DAILY_POST_RUNS, scheduled));
  }
  if (deps.retention) definitions.push(pruneRecords({ ...deps, retention: deps.retention }));
  return definitions;
}
