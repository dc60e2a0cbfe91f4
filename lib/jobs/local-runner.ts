import { randomUUID } from "node:crypto";
import { Cron } from "croner";
import { readEventPath, type JobDefinition, type JobEvent, type JobStep } from "./job-definition";
import { isPermanentJobError } from "./retryable";
import { logger } from "@/lib/log/logger";

export interface LocalRunnerOptions {
  definitions: JobDefinition<unknown>[];
  /** First step retry waits this long, then doubles (Inngest's step retries, in-process). */
  retryBaseMs?: number;
  /** Idempotency keys are remembered this long, as Inngest does for 24 hours. */
  idempotencyTtlMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface LocalRunner {
  /** Validates and dispatches events to every function they trigger; resolves once they are queued. */
  send(events: JobEvent | JobEvent[]): Promise<void>;
  /** Runs a cron-triggered function now, as its schedule would. */
  fire(definitionId: string): Promise<void>;
  startSchedules(): void;
  /** Resolves when no run is queued or running. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

class CancelledError extends Error {
  override name = "CancelledError";
}

interface ActiveRun {
  definition: JobDefinition<unknown>;
  event: JobEvent;
  controller: AbortController;
}

/** A counting semaphore per concurrency key. */
class Limiter {
  private active = 0;
  private waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  async acquire(signal: AbortSignal): Promise<void> {
    if (this.active < this.limit) return void this.active++;
    await new Promise<void>((resolve, reject) => {
      const wake = () => {
        signal.removeEventListener("abort", cancel);
        this.active++;
        resolve();
      };
      const cancel = () => {
        this.waiting = this.waiting.filter((entry) => entry !== wake);
        reject(new CancelledError("cancelled while queued"));
      };
      signal.addEventListener("abort", cancel, { once: true });
      this.waiting.push(wake);
    });
  }
  release() {
    this.active--;
    this.waiting.shift()?.();
  }
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new CancelledError("cancelled"));
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(new CancelledError("cancelled"));
    };
    signal.addEventListener("abort", abort, { once: true });
  });
}

/**
 * Runs the same job handlers as Inngest, in this process, when no Inngest server is configured:
 * step.run with retries and exponential backoff, sendEvent dispatching in-process, sleep, cancelOn,
 * idempotency keys, keyed concurrency limits and cron schedules (croner). Nothing is persisted
 * here and there is no distributed queue: a run lives as long as the process, and durability
 * comes from the job's own state in the database (a restarted run resumes from it).
 */
export function createLocalRunner(options: LocalRunnerOptions): LocalRunner {
  const retryBaseMs = options.retryBaseMs ?? 1_000;
  const ttl = options.idempotencyTtlMs ?? 24 * 60 * 60 * 1000;
  const log = options.log ?? ((message, error) => logger.error({ component: "local-runner", ...(error === undefined ? {} : { err: error }) }, message));
  const seenKeys = new Map<string, number>();
  const limiters = new Map<string, Limiter>();
  const active = new Set<ActiveRun>();
  const pending = new Set<Promise<void>>();
  const crons: Cron[] = [];
  let idleWaiters: (() => void)[] = [];

  const limiterFor = (key: string, limit: number) => {
    let limiter = limiters.get(key);
    if (!limiter) limiters.set(key, (limiter = new Limiter(limit)));
    return limiter;
  };

  function stepFor(run: ActiveRun): JobStep {
    const signal = run.controller.signal;
    return {
      async run<T>(id: string, fn: () => Promise<T>): Promise<T> {
        for (let attempt = 0; ; attempt++) {
          if (signal.aborted) throw new CancelledError(`cancelled before step ${id}`);
          try {
            return await fn();
          } catch (error) {
            // A permanent error (a payload error, a non-retryable AppError or ScrapeError) fails at once.
            if (isPermanentJobError(error) || attempt >= run.definition.retries) throw error;
            log(`${run.definition.id}: step ${id} failed (attempt ${attempt + 1}), retrying`, error);
            await delay(retryBaseMs * 2 ** attempt, signal);
          }
        }
      },
      sleep: (_id, ms) => delay(ms, signal),
      async sendEvent(id, events) {
        if (signal.aborted) throw new CancelledError(`cancelled before sending ${id}`);
        return send(events);
      },
    };
  }

  async function execute(run: ActiveRun) {
    const { definition, event, controller } = run;
    const held: Limiter[] = [];
    try {
      for (const rule of definition.concurrency ?? []) {
        const value = rule.key ? String(readEventPath(event, rule.key)) : "";
        const limiter = limiterFor(`${rule.scope === "env" ? "" : definition.id}|${rule.key ?? ""}|${value}`, rule.limit);
        await limiter.acquire(controller.signal);
        held.push(limiter);
      }
      await definition.handler({ event: event as JobEvent<string, unknown>, step: stepFor(run), runId: randomUUID() });
    } catch (error) {
      if (error instanceof CancelledError) return;
      log(`${definition.id} failed`, error);
      await definition.onFailure?.({ event: event as JobEvent<string, unknown>, error: error as Error, step: stepFor(run) }).catch((failure: unknown) => log(`${definition.id} onFailure failed`, failure));
    } finally {
      for (const limiter of held) limiter.release();
      active.delete(run);
    }
  }

  function start(definition: JobDefinition<unknown>, event: JobEvent) {
    const run: ActiveRun = { definition, event, controller: new AbortController() };
    active.add(run);
    const promise = execute(run).finally(() => {
      pending.delete(promise);
      if (pending.size === 0) {
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const wake of waiters) wake();
      }
    });
    pending.add(promise);
  }

  function cancelMatching(event: JobEvent) {
    for (const run of active) {
      for (const rule of run.definition.cancelOn ?? []) {
        if (rule.event !== event.name) continue;
        const expected = readEventPath(run.event, rule.match);
        if (expected !== undefined && readEventPath(event, rule.match) === expected) run.controller.abort();
      }
    }
  }

  function isDuplicate(definition: JobDefinition<unknown>, event: JobEvent): boolean {
    if (!definition.idempotency) return false;
    const now = Date.now();
    for (const [key, at] of seenKeys) if (now - at > ttl) seenKeys.delete(key);
    const key = `${definition.id}|${String(readEventPath(event, definition.idempotency))}`;
    if (seenKeys.has(key)) return true;
    seenKeys.set(key, now);
    return false;
  }

  async function send(events: JobEvent | JobEvent[]): Promise<void> {
    for (const event of Array.isArray(events) ? events : [events]) {
      cancelMatching(event);
      for (const definition of options.definitions) {
        const trigger = definition.trigger;
        if (!("event" in trigger) || trigger.event !== event.name) continue;
        const parsed = trigger.schema.safeParse(event.data);
        // An invalid payload is dropped, never retried: the same payload would fail again.
        if (!parsed.success) {
          log(`${definition.id}: invalid ${event.name} payload dropped`, parsed.error);
          continue;
        }
        const valid = { ...event, data: parsed.data as Record<string, unknown> };
        if (!isDuplicate(definition, valid)) start(definition, valid);
      }
    }
  }

  async function fire(definitionId: string) {
    const definition = options.definitions.find((candidate) => candidate.id === definitionId);
    if (!definition || !("cron" in definition.trigger)) throw new Error(`no cron function ${definitionId}`);
    start(definition, { name: "inngest/scheduled.timer", data: { cron: definition.trigger.cron } });
  }

  return {
    send,
    fire,
    startSchedules() {
      for (const definition of options.definitions) {
        if (!("cron" in definition.trigger)) continue;
        crons.push(new Cron(definition.trigger.cron, { protect: true }, () => void fire(definition.id)));
      }
    },
    idle: () => (pending.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
    async stop() {
      for (const cron of crons.splice(0)) cron.stop();
      for (const run of active) run.controller.abort();
      await Promise.allSettled([...pending]);
    },
  };
}
