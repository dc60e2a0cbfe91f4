import { createJobDefinitions } from "@/inngest/functions";
import type { Platform } from "@/lib/domain/platforms";
import { AppError } from "@/lib/errors";
import { getRun, type JobRunView } from "@/lib/services/snapshots/list-runs";
import { startSnapshotRun } from "@/lib/services/snapshots/start-snapshot-run";
import { requireWorkspaceBySlug } from "@/lib/services/workspaces/find-workspace-by-slug";
import type { JobDeps } from "./job-deps";
import { createLocalRunner } from "./local-runner";
import { markInterruptedRuns } from "./mark-interrupted-runs";

export interface RunSnapshotsNowInput {
  workspace: string;
  platform?: Platform;
  accountId?: string;
  /** Called about twice a second with the run's row while it goes. */
  onProgress?: (run: JobRunView) => void;
  /** Resolves when the caller wants to stop (Ctrl-C): the run is left 'interrupted', ready to resume. */
  stopSignal?: AbortSignal;
}

/** `npm run jobs:run` and the bench: one snapshot run through the local runner, in this process, to the end. */
export async function runSnapshotsNow(deps: JobDeps, input: RunSnapshotsNowInput): Promise<JobRunView> {
  const workspace = await deps.withDb((db) => requireWorkspaceBySlug(db, input.workspace));
  const runner = createLocalRunner({ definitions: createJobDefinitions({ ...deps, snapshotLocalTime: null }) });
  const started = await deps.withDb((db) =>
    startSnapshotRun(db, { workspaceId: workspace.id, platform: input.platform, accountId: input.accountId, trigger: "manual", now: deps.now() }),
  );
  const report = async () => {
    const run = await deps.withDb((db) => getRun(db, workspace.id, started.runId));
    if (run) input.onProgress?.(run);
    return run;
  };
  const timer = setInterval(() => void report(), 500);
  const stop = async () => {
    await runner.stop();
    await deps.withDb((db) => markInterruptedRuns(db, deps.now(), [started.runId]));
  };
  input.stopSignal?.addEventListener("abort", () => void stop(), { once: true });
  try {
    await runner.send(started.event);
    await runner.idle();
  } finally {
    clearInterval(timer);
  }
  const run = await report();
  if (!run) throw new AppError("internal", "The run disappeared.");
  return run;
}
