import { eventType, NonRetriableError, type Inngest } from "inngest";
import { NonRetriableJobError, type JobDefinition, type JobStep } from "@/lib/jobs/job-definition";
import type { JobDeps } from "@/lib/jobs/job-deps";
import { pruneRecords } from "./prune-records";
import { snapshotsBatch } from "./snapshots-batch";
import { snapshotsRun } from "./snapshots-run";
import { snapshotsSchedule } from "./snapshots-schedule";

/** Every job, engine-neutral: Inngest serves them, or the local runner runs the very same handlers. */
export function createJobDefinitions(deps: JobDeps): JobDefinition<unknown>[] {
  const definitions: JobDefinition<unknown>[] = [snapshotsRun(deps), snapshotsBatch(deps)];
  if (deps.snapshotLocalTime) definitions.push(snapshotsSchedule({ ...deps, snapshotLocalTime: deps.snapshotLocalTime }));
  if (deps.retention) definitions.push(pruneRecords({ ...deps, retention: deps.retention }));
  return definitions;
}

type InngestStep = {
  run: (id: string, fn: () => Promise<unknown>) => Promise<unknown>;
  sleep: (id: string, ms: number) => Promise<unknown>;
  sendEvent: (id: string, events: { name: string; data: Record<string, unknown> }[]) => Promise<unknown>;
};

// Inngest types step outputs as their JSON form; our step outputs are plain JSON already.
function adaptStep(step: InngestStep): JobStep {
  return {
    run: <T>(id: string, fn: () => Promise<T>) => step.run(id, fn) as Promise<T>,
    sleep: async (id, ms) => void (await step.sleep(id, ms)),
    sendEvent: async (id, events) => void (await step.sendEvent(id, (Array.isArray(events) ? events : [events]) as never)),
  };
}

/** One Inngest function per definition, with the same flow control and the same handler. */
export function toInngestFunction(client: Inngest.Any, definition: JobDefinition<unknown>) {
  const trigger = definition.trigger;
  return client.createFunction(
    {
      id: definition.id,
      retries: definition.retries,
      triggers: ["cron" in trigger ? { cron: trigger.cron } : { event: eventType(trigger.event) }],
      ...(definition.concurrency && { concurrency: definition.concurrency }),
      ...(definition.idempotency && { idempotency: definition.idempotency }),
      ...(definition.cancelOn && { cancelOn: definition.cancelOn }),
      ...(definition.onFailure && {
        onFailure: async ({ event, error }: { event: { data: { event: { name: string; data: unknown } } }; error: Error }) => {
          await definition.onFailure?.({ event: event.data.event, error });
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
        return await definition.handler({ event: { name: event.name, data }, step: adaptStep(step as unknown as InngestStep), runId });
      } catch (error) {
        if (error instanceof NonRetriableJobError) throw new NonRetriableError(error.message, { cause: error });
        throw error;
      }
    },
  );
}

export function createInngestFunctions(client: Inngest.Any, deps: JobDeps) {
  return createJobDefinitions(deps).map((definition) => toInngestFunction(client, definition));
}
