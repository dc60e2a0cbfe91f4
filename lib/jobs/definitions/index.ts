import type { JobDeps } from "../job-deps";
import type { AppJobDefinition } from "./define-job";
import { postsBatch } from "./posts-batch";
import { postsRun } from "./posts-run";
import { postsSchedule } from "./posts-schedule";
import { pruneRecords } from "./prune-records";
import { snapshotsBatch } from "./snapshots-batch";
import { snapshotsRun } from "./snapshots-run";
import { snapshotsSchedule } from "./snapshots-schedule";

export type { AppJobDefinition } from "./define-job";

/** Every job, engine-neutral: Inngest serves them (inngest/functions), or the local runner runs the very same handlers. */
export function createJobDefinitions(deps: JobDeps): AppJobDefinition[] {
  const definitions = [snapshotsRun(deps), snapshotsBatch(deps), postsRun(deps), postsBatch(deps)];
  if (deps.snapshotLocalTime) {
    const scheduled = { ...deps, snapshotLocalTime: deps.snapshotLocalTime };
    definitions.push(snapshotsSchedule(scheduled), postsSchedule(scheduled));
  }
  if (deps.retention) definitions.push(pruneRecords({ ...deps, retention: deps.retention }));
  return definitions;
}
