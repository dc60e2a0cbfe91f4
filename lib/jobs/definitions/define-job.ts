import type { JobDefinition } from "../job-definition";
import { JOB_EVENTS, type JobEventData, type JobEventName, type RegisteredJobEvent } from "../events";

type Registered<Data> = JobDefinition<Data, RegisteredJobEvent>;

/** Any job of the app, as the engines hold them (their payload types are checked where they are declared). */
export type AppJobDefinition = JobDefinition<unknown, RegisteredJobEvent>;

/**
 * A job triggered by a registered event: the payload type and the receive-side schema both come
 * from lib/jobs/events.ts, and everything it sends or cancels on must be registered too.
 */
export function onEvent<N extends JobEventName>(
  event: N,
  definition: Omit<Registered<JobEventData<N>>, "trigger">,
): AppJobDefinition {
  return { ...definition, trigger: { event, schema: JOB_EVENTS[event] } } as unknown as AppJobDefinition;
}

/** A cron-triggered job (no event payload). */
export function onCron(cron: string, definition: Omit<Registered<Record<string, unknown>>, "trigger" | "idempotency" | "cancelOn">): AppJobDefinition {
  return { ...definition, trigger: { cron } } as unknown as AppJobDefinition;
}
