import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getRun, type RunView } from "@/lib/services/job-runs/list-runs";
import { markInterruptedRuns } from "@/lib/services/job-runs/mark-interrupted-runs";
import { requireWorkspaceBySlug } from "@/lib/services/workspaces/find-workspace-by-slug";
import { createJobDefinitions } from "./definitions";
import type { RegisteredJobEvent } from "./events";
import type { JobDeps } from "./job-deps";
import { createLocalRunner } from "./local-runner";

export interface RunNowOptions {
  workspace: string;
  /** Called about twice a second with the run's row while it goes. */
  onProgress?: (run: RunView) => void;
  /** Aborted when the caller wants to stop (Ctrl-C): the run is left 'interrupted', ready to resume. */
  stopSignal?: AbortSignal;
}

/**
 * `npm run jobs:run` and the benches: one run of any kind through the local runner, in this
 * process, to the end. `start` records the queued run (for the workspace's id) and returns its start event.
 */
export async function runJobNow(
  deps: JobDeps,
  options: RunNowOptions,
  start: (db: Db, workspaceId: string) => Promise<{ runId: string; event: RegisteredJobEvent }>,
): Promise<RunView> {
  const workspace = await deps.withDb((db) => requireWorkspaceBySlug(db, options.workspace));
  const runner = createLocalRunner({ definitions: createJobDefinitions({ ...deps, snapshotLocalTime: null }) });
  const started = await deps.withDb((db) => start(db, workspace.id));
  const report = async () => {
    const run = await deps.withDb((db) => getRun(db, { workspaceId: workspace.id, runId: started.runId }));
    if (run) options.onProgress?.(run);
    return run;
  };
  const timer = setInterval(() => void report(), 500);
  const stop = async () => {
    await runner.stop();
    await deps.withDb((db) => markInterruptedRuns(db, { now: deps.now(), runIds: [started.runId] }));
  };
  options.stopSignal?.addEventListener("abort", () => void stop(), { once: true });
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
