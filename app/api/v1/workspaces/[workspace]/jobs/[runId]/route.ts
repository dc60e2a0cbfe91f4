import { after, NextResponse } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { dispatchRunEvent, sendJobEvent } from "@/lib/jobs/dispatch-job-events";
import { cancelJobRun, retryJobRun } from "@/lib/jobs/run-commands";
import { getRun } from "@/lib/services/job-runs/list-runs";

const params = z.object({ runId: z.uuid() });
const action = z.object({ action: z.enum(["cancel", "retry"]) }).strict();

/** GET /api/v1/workspaces/:workspace/jobs/:runId — one run with its progress and counts. */
export const GET = workspaceRoute({ role: "viewer", params }, async ({ tx, workspace, params: { runId } }) => {
  const run = await getRun(tx, { workspaceId: workspace.id, runId });
  if (!run) throw new AppError("not_found", "No such run.");
  return run;
});

/** POST { action: "cancel" } stops a run of any kind between steps; { action: "retry" } re-runs its failed and unfinished items. */
export const POST = workspaceRoute({ role: "editor", params, body: action }, async ({ tx, workspace, claims, params: { runId }, body }) => {
  const now = new Date();
  if (body.action === "cancel") {
    const cancel = await cancelJobRun(tx, workspace.id, runId, now);
    after(() => sendJobEvent(cancel));
    return { runId, status: "cancelled" };
  }
  const started = await retryJobRun(tx, { workspaceId: workspace.id, runId, triggeredBy: claims.sub, now });
  after(() => dispatchRunEvent(started.event));
  return NextResponse.json({ runId: started.runId, retryOf: runId }, { status: 202 });
});
