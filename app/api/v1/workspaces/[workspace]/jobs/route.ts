import { after, NextResponse } from "next/server";
import { z } from "zod";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { dispatchRunEvent } from "@/lib/jobs/dispatch-job-events";
import { listRuns } from "@/lib/services/job-runs/list-runs";
import { postRunScopeSchema, startPostRun } from "@/lib/services/posts/start-post-run";
import { snapshotScopeSchema, startSnapshotRun } from "@/lib/services/snapshots/start-snapshot-run";

/** GET /api/v1/workspaces/:workspace/jobs — recent runs of every kind with live progress. */
export const GET = workspaceRoute({ role: "viewer" }, async ({ tx, workspace }) => ({ data: await listRuns(tx, { workspaceId: workspace.id }) }));

/** POST — start a run now: a snapshot run ({}, { platform } or { accountId }) or the post pipeline ({ kind: "posts.pipeline", sheetSourceId? }). */
export const POST = workspaceRoute({ role: "editor", body: z.union([postRunScopeSchema, snapshotScopeSchema]) }, async ({ tx, workspace, claims, body }) => {
  const now = new Date();
  const started =
    "kind" in body
      ? await startPostRun(tx, { workspaceId: workspace.id, sheetSourceId: body.sheetSourceId, trigger: "manual", triggeredBy: claims.sub, now })
      : await startSnapshotRun(tx, { workspaceId: workspace.id, ...body, trigger: "manual", triggeredBy: claims.sub, now });
  // After the response, so the transaction that recorded the run has committed.
  after(() => dispatchRunEvent(started.event));
  const day = "snapshotDate" in started ? { snapshotDate: started.snapshotDate } : { statsDate: started.statsDate };
  return NextResponse.json({ runId: started.runId, ...day }, { status: 202 });
});
