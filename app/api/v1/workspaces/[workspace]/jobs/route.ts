import { after } from "next/server";
import * as ops from "@/lib/api/routes/jobs";
import { listResult, workspaceRoute } from "@/lib/http/workspace-route";
import { dispatchRunEvent } from "@/lib/jobs/dispatch-job-events";
import { pageRuns } from "@/lib/services/job-runs/list-runs";
import { startPostRun } from "@/lib/services/posts/start-post-run";
import { startSnapshotRun } from "@/lib/services/snapshots/start-snapshot-run";

/** GET /api/v1/workspaces/:workspace/jobs — runs of every kind, newest first, with live progress. */
export const GET = workspaceRoute({ operation: ops.listRuns }, async ({ tx, workspace, query }) => listResult(await pageRuns(tx, { workspaceId: workspace.id, query })));

/** POST — start a run now: a snapshot run ({}, { platform } or { accountId }) or the post pipeline ({ kind: "posts.pipeline", sheetSourceId? }). */
export const POST = workspaceRoute({ operation: ops.startRun }, async ({ tx, workspace, actorId, body }) => {
  const now = new Date();
  const started =
    "kind" in body
      ? await startPostRun(tx, { workspaceId: workspace.id, sheetSourceId: body.sheetSourceId, trigger: "manual", triggeredBy: actorId, now })
      : await startSnapshotRun(tx, { workspaceId: workspace.id, ...body, trigger: "manual", triggeredBy: actorId, now });
  // After the response, so the transaction that recorded the run has committed.
  after(() => dispatchRunEvent(started.event));
  const day = "snapshotDate" in started ? { snapshotDate: started.snapshotDate } : { statsDate: started.statsDate };
  return { data: { runId: started.runId, ...day } };
});
