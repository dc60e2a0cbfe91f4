import { createJobDefinitions } from "@/inngest/functions";
import { inngest, inngestConfigured } from "@/inngest/client";
import type { JobEvent } from "./job-definition";
import { processJobDeps } from "./job-deps";
import { createLocalRunner, type LocalRunner } from "./local-runner";
import { markInterruptedRuns } from "./mark-interrupted-runs";
import { failSnapshotRun } from "@/lib/services/snapshots/fail-snapshot-run";

// One runner per process: the global survives Next's module reloading and separate route bundles.
const holder = globalThis as unknown as { __reachLocalRunner?: LocalRunner };

function localRunner(): LocalRunner {
  return (holder.__reachLocalRunner ??= createLocalRunner({ definitions: createJobDefinitions(processJobDeps()) }));
}

/** Sends job events to Inngest when it is configured, else to this process's local runner. */
export async function dispatchJobEvents(events: JobEvent[]): Promise<void> {
  if (events.length === 0) return;
  if (inngestConfigured) await inngest.send(events);
  else await localRunner().send(events);
}

/** Server start without Inngest: close what the last process left running, then keep the schedules. */
export async function startLocalJobs(): Promise<void> {
  if (inngestConfigured || holder.__reachLocalRunner) return;
  const deps = processJobDeps();
  const interrupted = await deps.withDb((db) => markInterruptedRuns(db, deps.now()));
  if (interrupted > 0) console.warn(`[jobs] marked ${interrupted} unfinished run(s) as interrupted`);
  localRunner().startSchedules();
}

/** For route handlers' after(): a run whose start event cannot be delivered is marked failed, not left queued. */
export async function dispatchRunEvent(event: JobEvent<string, { runId: string }>): Promise<void> {
  try {
    await dispatchJobEvents([event]);
  } catch (error) {
    const deps = processJobDeps();
    await deps.withDb((db) => failSnapshotRun(db, event.data.runId, `Could not start: ${(error as Error).message}`, deps.now()));
  }
}
