import { eventType, NonRetriableError, type Inngest } from "inngest";
import { createJobDefinitions, type AppJobDefinition } from "@/lib/jobs/definitions";
import type { JobStep } from "@/lib/jobs/job-definition";
import type { JobDeps } from "@/lib/jobs/job-deps";
import { isPermanentJobError } from "@/lib/jobs/retryable";

type InngestStep = {
  run: (id: string, fn: () => Promise<unknown>) => Promise<unknown>;
  sleep: (id: string, ms: number) => Promise<unknown>;
  sendEvent: (id: string, events: { name: string; data: Record<string, unknown> }[]) => Promise<unknown>;
};

/** A permanent error (lib/jobs/retryable.ts) becomes Inngest's NonRetriableError, so Inngest does not retry it. */
function toEngineError(error: unknown): unknown {
  if (error instanceof NonRetriableError || !isPermanentJobError(error)) return error;
  return new NonRetriableError((error as Error).message, { cause: error });
}

// Inngest types step outputs as their JSON form; our step outputs are plain JSON already.
function adaptStep(step: InngestStep): JobStep {
  return {
    run: <T>(id: string, fn: () => Promise<T>) =>
      step.run(id, () =>
        fn().catch((error: unknown) => {
          throw toEngineError(error);
        }),
      ) as Promise<T>,
    sleep: async (id, ms) => void (await step.sleep(id, ms)),
    sendEvent: async (id, events) => void (await step.sendEvent(id, (Array.isArray(events) ? events : [events]) as never)),
  };
}

/** One Inngest function per definition, with the same flow control and the same handler. */
export function toInngestFunction(client: Inngest.Any, definition: AppJobDefinition) {
  const trigger = definition.trigger;
  return client.createFunction(
    {
      id: definition.id,
      retries: definition.retries,
      triggers: ["cron" in trigger ? { cron: trigger.cron } : { event: eventType(trigger.event) }],
      ...(definition.concurrency && { concurrency: definition.concurrency }),
      ...(definition.throttle && { throttle: definition.throttle }),
      ...(definition.idempotency && { idempotency: definition.idempotency }),
      ...(definition.cancelOn && { cancelOn: definition.cancelOn }),
      ...(definition.onFailure && {
        onFailure: async ({ event, error, step }: { event: { data: { event: { name: string; data: unknown } } }; error: Error; step: unknown }) => {
          await definition.onFailure?.({ event: event.data.event, error, step: adaptStep(step as InngestStep) as never });
        },
      }),
    },
    async ({ event, step, runId }) => {
      let data: unknown = event.data;
      if (!("cron" in trigger)) {
        const parsed = trigger.schema.safeParse(event.data);
        // A payload that fails validation would fail again: not retried.
        if (!parsed.success) throw new NonRetriableError(`invalid ${trigger.event} payload: ${parsed.error.message}`);
        data = parsed.data;
      }
      try {
        return await definition.handler({ event: { name: event.name, data }, step: adaptStep(step as unknown as InngestStep) as never, runId });
      } catch (error) {
        throw toEngineError(error);
      }
    },
  );
}

/** inngest/ only adapts the registry: every definition of lib/jobs/definitions, as an Inngest function. */
export function createInngestFunctions(client: Inngest.Any, deps: JobDeps) {
  return createJobDefinitions(deps).map((definition) => toInngestFunction(client, definition));
}
