import { after, NextResponse } from "next/server";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { dispatchRunEvent } from "@/lib/jobs/dispatch-job-events";
import { listRuns } from "@/lib/services/job-runs/list-runs";
import { snapshotScopeSchema, startSnapshotRun } from "@/lib/services/snapshots/start-snapshot-run";

/** GET /api/v1/workspaces/:workspace/jobs — recent runs with live progress. */
export const GET = workspaceRoute({ role: "viewer" }, async ({ tx, workspace }) => ({ data: await listRuns(tx, workspace.id) }));

/** POST — start a snapshot run now: {} for all accounts, { platform } or { accountId }. */
export const POST = workspaceRoute({ role: "editor", body: snapshotScopeSchema }, async ({ tx, workspace, claims, body }) => {
  const started = await startSnapshotRun(tx, { workspaceId: workspace.id, ...body, trigger: "manual", triggeredBy: claims.sub, now: new Date() });
  // After the response, so the transaction that recorded the run has committed.
  after(() => dispatchRunEvent(started.event));
  return NextResponse.json({ runId: started.runId, snapshotDate: started.snapshotDate }, { status: 202 });
});
