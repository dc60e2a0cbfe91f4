import type { Platform } from "@/lib/domain/platforms";
import type { RunView } from "@/lib/services/job-runs/list-runs";
import { startSnapshotRun } from "@/lib/services/snapshots/start-snapshot-run";
import type { JobDeps } from "./job-deps";
import { runJobNow, type RunNowOptions } from "./run-job-now";

export interface RunSnapshotsNowInput extends RunNowOptions {
  platform?: Platform;
  accountId?: string;
}

/** `npm run jobs:run -- snapshots` and the bench: one snapshot run through the local runner, to the end. */
export function runSnapshotsNow(deps: JobDeps, input: RunSnapshotsNowInput): Promise<RunView> {
  return runJobNow(deps, input, (db, workspaceId) =>
    startSnapshotRun(db, { workspaceId, platform: input.platform, accountId: input.accountId, trigger: "manual", now: deps.now() }),
  );
}
