import { after } from "next/server";
import * as ops from "@/lib/api/routes/jobs";
import { AppError } from "@/lib/errors";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { dispatchRunEvent, sendJobEvent } from "@/lib/jobs/dispatch-job-events";
import { cancelJobRun, retryJobRun } from "@/lib/jobs/run-commands";
import { getRun } from "@/lib/services/job-runs/list-runs";

/** GET /api/v1/workspaces/:workspace/jobs/:runId — one run with its progress and counts. */
export const GET = workspaceRoute({ operation: ops.getRun }, async ({ tx, workspace, params: { runId } }) => {
  const run = await getRun(tx, { workspaceId: workspace.id, runId });
  if (!run) throw new AppError("not_found", "No such run.");
  return { data: run };
});

/** POST { action: "cancel" } stops a run of any kind between steps; { action: "retry" } re-runs its failed and unfinished items. Both 202. */
export const POST = workspaceRoute({ operation: ops.actOnRun }, async ({ tx, workspace, actorId, params: { runId }, body }) => {
  const now = new Date();
  if (body.action === "cancel") {
    const cancel = await cancelJobRun(tx, workspace.id, runId, now);
    after(() => sendJobEvent(cancel));
    return { data: { runId, status: "cancelled" } };
  }
  const started = await retryJobRun(tx, { workspaceId: workspace.id, runId, triggeredBy: actorId, now });
  after(() => dispatchRunEvent(started.event));
  return { data: { runId: started.runId, retryOf: runId } };
});
