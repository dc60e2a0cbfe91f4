import { after, NextResponse } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { dispatchJobEvents, dispatchRunEvent } from "@/lib/jobs/dispatch-job-events";
import { cancelSnapshotRun } from "@/lib/services/snapshots/cancel-snapshot-run";
import { getRun } from "@/lib/services/snapshots/list-runs";
import { retrySnapshotRun } from "@/lib/services/snapshots/retry-snapshot-run";

const params = z.object({ runId: z.uuid() });
const action = z.object({ action: z.enum(["cancel", "retry"]) }).strict();

/** GET /api/v1/workspaces/:workspace/jobs/:runId — one run with its progress and counts. */
export const GET = workspaceRoute({ role: "viewer", params }, async ({ tx, workspace, params: { runId } }) => {
  const run = await getRun(tx, workspace.id, runId);
  if (!run) throw new AppError("not_found", "No such run.");
  return run;
});

/** POST { action: "cancel" } stops a run between steps; { action: "retry" } re-runs its failed and unfinished accounts. */
export const POST = workspaceRoute({ role: "editor", params, body: action }, async ({ tx, workspace, claims, params: { runId }, body }) => {
  const now = new Date();
  if (body.action === "cancel") {
    await cancelSnapshotRun(tx, workspace.id, runId, now);
    after(() => dispatchJobEvents([{ name: "snapshots.cancel", data: { runId } }]));
    return { runId, status: "cancelled" };
  }
  const started = await retrySnapshotRun(tx, { workspaceId: workspace.id, runId, triggeredBy: claims.sub, now });
  after(() => dispatchRunEvent(started.event));
  return NextResponse.json({ runId: started.runId, retryOf: runId }, { status: 202 });
});
