import type { z } from "zod";

/** An event as both engines carry it: a name and JSON data. */
export interface JobEvent<Name extends string = string, Data = Record<string, unknown>> {
  name: Name;
  data: Data;
  id?: string;
}

/**
 * The subset of Inngest's step tools our handlers use. Inngest's own step object is adapted to it
 * in inngest/functions; the local runner implements it in-process.
 */
export interface JobStep<E extends JobEvent = JobEvent> {
  run<T>(id: string, fn: () => Promise<T>): Promise<T>;
  sleep(id: string, ms: number): Promise<void>;
  sendEvent(id: string, events: E | E[]): Promise<void>;
}

export interface JobContext<Data, E extends JobEvent = JobEvent> {
  event: JobEvent<string, Data>;
  step: JobStep<E>;
  runId: string;
}

export interface ConcurrencyRule {
  key?: `event.data.${string}`;
  limit: number;
  scope?: "fn" | "env";
}

/** Inngest's throttle (queues runs, drops nothing). The local runner has none: the scrapers' per-process rate limits apply. */
export interface ThrottleRule {
  limit: number;
  period: `${number}s` | `${number}m`;
  key?: `event.data.${string}`;
}

/**
 * The engine-level shape of a job (what the local runner and the Inngest adapter read). Jobs of
 * the app are declared through lib/jobs/definitions, which ties triggers and sends to the registry.
 * Flow control is in Inngest's option shapes; keys are `event.data.<field>` paths so both engines can read them.
 */
export interface JobDefinition<Data = Record<string, unknown>, E extends JobEvent = JobEvent> {
  id: string;
  trigger: { event: string; schema: z.ZodType<Data> } | { cron: string };
  retries: 0 | 1 | 2 | 3 | 4 | 5;
  /** At most two rules, as on Inngest. */
  concurrency?: [ConcurrencyRule] | [ConcurrencyRule, ConcurrencyRule];
  throttle?: ThrottleRule;
  idempotency?: `event.data.${string}`;
  cancelOn?: { event: E["name"]; match: `data.${string}` }[];
  handler(context: JobContext<Data, E>): Promise<unknown>;
  /** Runs once after the handler gave up (retries exhausted or a non-retriable error); its step can send events. */
  onFailure?(context: { event: JobEvent<string, Data>; error: Error; step: JobStep<E> }): Promise<void>;
}

/** Reads `event.data.a.b` or `data.a` from an event, as Inngest's expressions do for these simple paths. */
export function readEventPath(event: JobEvent<string, unknown>, path: string): unknown {
  const parts = path.split(".");
  let value: unknown = parts[0] === "event" ? event : { data: event.data };
  for (const part of parts[0] === "event" ? parts.slice(1) : parts) {
    value = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined;
  }
  return value;
}

/** A payload that fails validation is never retried: the same payload would fail again. */
export class NonRetriableJobError extends Error {
  override name = "NonRetriableJobError";
}
