import type { RunView } from "@/lib/services/job-runs/list-runs";
import { startPostRun } from "@/lib/services/posts/start-post-run";
import type { JobDeps } from "./job-deps";
import { runJobNow, type RunNowOptions } from "./run-job-now";

export interface RunPostsNowInput extends RunNowOptions {
  sheetSourceId?: string;
}

/** `npm run jobs:run -- posts` and the bench: one post pipeline run (sync, scrape, slides, write back) through the local runner, to the end. */
export function runPostsNow(deps: JobDeps, input: RunPostsNowInput): Promise<RunView> {
  return runJobNow(deps, input, (db, workspaceId) => startPostRun(db, { workspaceId, sheetSourceId: input.sheetSourceId, trigger: "manual", now: deps.now() }));
}
