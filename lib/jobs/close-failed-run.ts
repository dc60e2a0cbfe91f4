import { failRun } from "@/lib/services/job-runs/fail-run";
import { jobEvent, type RegisteredJobEvent } from "./events";
import { failureMessage } from "./failure-message";
import type { JobDeps } from "./job-deps";
import type { JobStep } from "./job-definition";

/**
 * Every onFailure of a run's jobs ends here: the run is marked failed and, when this call closed it,
 * `runs.finished` goes out as for any closed run, so a crashed run sends its `*.finished` webhook
 * and meets the alert rules at once.
 */
export async function closeFailedRun(
  deps: JobDeps,
  step: JobStep<RegisteredJobEvent>,
  input: { runId: string; workspaceId: string; error: Error; fallback: string },
): Promise<void> {
  // A step, so Inngest's replays of this handler remember that this call was the one that closed the run.
  const closed = await step.run("fail-run", () => deps.withDb((db) => failRun(db, { runId: input.runId, message: failureMessage(input.error, input.fallback), now: deps.now() })));
  if (closed) await step.sendEvent("run-failed", jobEvent("runs.finished", { workspaceId: input.workspaceId, runId: input.runId }));
}
