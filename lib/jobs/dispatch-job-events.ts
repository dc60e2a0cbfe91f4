import { inngest, inngestConfigured } from "@/inngest/client";
import { env } from "@/lib/env";
import { failRun } from "@/lib/services/job-runs/fail-run";
import { markInterruptedRuns } from "@/lib/services/job-runs/mark-interrupted-runs";
import { createJobDefinitions } from "./definitions";
import type { RegisteredJobEvent } from "./events";
import { processJobDeps } from "./job-deps";
import { createLocalRunner, type LocalRunner } from "./local-runner";
import { logger } from "@/lib/log/logger";

// One runner per process: the global survives Next's module reloading and separate route bundles.
const holder = globalThis as unknown as { __reachLocalRunner?: LocalRunner };

function localRunner(): LocalRunner {
  return (holder.__reachLocalRunner ??= createLocalRunner({ definitions: createJobDefinitions(processJobDeps()) }));
}

/** Sends registered job events to Inngest when it is configured, else to this process's local runner. */
export async function dispatchJobEvents(events: RegisteredJobEvent[]): Promise<void> {
  if (events.length === 0) return;
  if (inngestConfigured) await inngest.send(events);
  else await localRunner().send(events);
}

/** One registered event: only a name of lib/jobs/events.ts with its payload type compiles. */
export function sendJobEvent(event: RegisteredJobEvent): Promise<void> {
  return dispatchJobEvents([event]);
}

/** For readiness: which engine runs this deployment's jobs, and whether it can. */
export function jobEngineStatus(): { ok: boolean; detail: string } {
  if (inngestConfigured) return { ok: Boolean(env.INNGEST_SIGNING_KEY) || env.INNGEST_DEV, detail: env.INNGEST_DEV ? "inngest dev" : "inngest" };
  return holder.__reachLocalRunner ? { ok: true, detail: "local runner" } : { ok: false, detail: "local runner not started" };
}

/** Server start without Inngest: close what the last process left running, then keep the schedules. */
export async function startLocalJobs(): Promise<void> {
  if (inngestConfigured || holder.__reachLocalRunner) return;
  const deps = processJobDeps();
  const interrupted = await deps.withDb((db) => markInterruptedRuns(db, { now: deps.now() }));
  if (interrupted > 0) logger.warn({ component: "local-runner", interrupted }, "marked unfinished runs as interrupted");
  localRunner().startSchedules();
}

/** For route handlers' after(): a run whose start event cannot be delivered is marked failed, not left queued. */
export async function dispatchRunEvent(event: RegisteredJobEvent<"snapshots.requested" | "posts.requested">): Promise<void> {
  try {
    await sendJobEvent(event);
  } catch (error) {
    const deps = processJobDeps();
    await deps.withDb((db) => failRun(db, { runId: event.data.runId, message: `Could not start: ${(error as Error).message}`, now: deps.now() }));
  }
}
