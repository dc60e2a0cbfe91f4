import { withSpan } from "@/lib/telemetry/with-span";
import type { JobContext, JobDefinition } from "../job-definition";
import { JOB_EVENTS, type JobEventData, type JobEventName, type RegisteredJobEvent } from "../events";

type Registered<Data> = JobDefinition<Data, RegisteredJobEvent>;

/** Any job of the app, as the engines hold them (their payload types are checked where they are declared). */
export type AppJobDefinition = JobDefinition<unknown, RegisteredJobEvent>;

/** Each run of the handler and each step it executes becomes a span (with the run and batch ids), on either engine. */
function traced<Data>(id: string, handler: Registered<Data>["handler"]): Registered<Data>["handler"] {
  return (context: JobContext<Data, RegisteredJobEvent>) => {
    const data = (context.event.data ?? {}) as { runId?: unknown; batchId?: unknown; workspaceId?: unknown };
    const attributes = {
      "reach.job": id,
      "reach.engine_run": context.runId,
      ...(typeof data.runId === "string" ? { "reach.run_id": data.runId } : {}),
      ...(typeof data.batchId === "string" ? { "reach.batch_id": data.batchId } : {}),
      ...(typeof data.workspaceId === "string" ? { "reach.workspace_id": data.workspaceId } : {}),
    };
    const step = context.step;
    const tracedStep: typeof step = {
      run: (stepId, fn) => step.run(stepId, () => withSpan(`job.step ${stepId}`, { ...attributes, "reach.step": stepId }, fn)),
      sleep: (stepId, ms) => step.sleep(stepId, ms),
      sendEvent: (stepId, events) => step.sendEvent(stepId, events),
    };
    return withSpan(`job ${id}`, attributes, () => handler({ ...context, step: tracedStep }));
  };
}

/**
 * A job triggered by a registered event: the payload type and the receive-side schema both come
 * from lib/jobs/events.ts, and everything it sends or cancels on must be registered too.
 */
export function onEvent<N extends JobEventName>(
  event: N,
  definition: Omit<Registered<JobEventData<N>>, "trigger">,
): AppJobDefinition {
  return { ...definition, handler: traced(definition.id, definition.handler), trigger: { event, schema: JOB_EVENTS[event] } } as unknown as AppJobDefinition;
}

/** A cron-triggered job (no event payload). */
export function onCron(cron: string, definition: Omit<Registered<Record<string, unknown>>, "trigger" | "idempotency" | "cancelOn">): AppJobDefinition {
  return { ...definition, handler: traced(definition.id, definition.handler), trigger: { cron } } as unknown as AppJobDefinition;
}
