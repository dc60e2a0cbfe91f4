import type { JobDeps } from "../job-deps";
import type { AppJobDefinition } from "./define-job";
import { snapshotsBatch } from "./snapshots-batch";
import { snapshotsRun } from "./snapshots-run";
import { snapshotsSchedule } from "./snapshots-schedule";

export type { AppJobDefinition } from "./define-job";

/** Every job, engine-neutral: Inngest serves them (inngest/functions), or the local runner runs the very same handlers. */
export function createJobDefinitions(deps: JobDeps): AppJobDefinition[] {
  const definitions = [snapshotsRun(deps), snapshotsBatch(deps)];
  if (deps.snapshotLocalTime) definitions.push(snapshotsSchedule({ ...deps, snapshotLocalTime: deps.snapshotLocalTime }));
  return definitions;
}
