import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { ScrapeError } from "@/lib/scrapers/errors";
import { NonRetriableJobError, type JobDefinition } from "./job-definition";
import { createLocalRunner } from "./local-runner";

const schema = z.object({ id: z.string(), group: z.string().default("a") });
type Data = z.infer<typeof schema>;

function job(overrides: Partial<JobDefinition<Data>> & Pick<JobDefinition<Data>, "handler">): JobDefinition<unknown> {
  return { id: "test-job", trigger: { event: "test.go", schema }, retries: 3, ...overrides } as JobDefinition<unknown>;
}

const quiet = { retryBaseMs: 1, log: () => {} };

// Backoff, sleeps and cron run on fake timers: no real waiting, and no dependence on the machine's speed.
beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

async function settle(runner: { idle(): Promise<void> }) {
  const idle = runner.idle();
  await vi.runAllTimersAsync();
  await idle;
}

describe("local runner", () => {
  it("retries a failing step with exponential backoff, then succeeds", async () => {
    const calls: number[] = [];
    const runner = createLocalRunner({
      ...quiet,
      retryBaseMs: 20,
      definitions: [
        job({
          async handler({ step }) {
            await step.run("flaky", async () => {
              calls.push(Date.now());
              if (calls.length < 3) throw new Error("try again");
            });
          },
        }),
      ],
    });
    await runner.send({ name: "test.go", data: { id: "1" } });
    await settle(runner);
    expect(calls.map((at) => at - calls[0]!)).toEqual([0, 20, 60]);
  });

  it("gives up after its retries, and at once on a non-retriable error, then calls onFailure", async () => {
    const failures: string[] = [];
    let tries = 0;
    const runner = createLocalRunner({
      ...quiet,
      definitions: [
        job({
          retries: 2,
          async handler({ event, step }) {
            await step.run("boom", async () => {
              tries++;
              throw event.data.id === "fatal" ? new NonRetriableJobError("fatal") : new Error("transient");
            });
          },
          async onFailure({ event, error }) {
            failures.push(`${event.data.id}:${error.message}`);
          },
        }),
      ],
    });
    await runner.send({ name: "test.go", data: { id: "flaky" } });
    await settle(runner);
    expect(tries).toBe(3);
    await runner.send({ name: "test.go", data: { id: "fatal" } });
    await settle(runner);
    expect(tries).toBe(4);
    expect(failures).toEqual(["flaky:transient", "fatal:fatal"]);
  });

  it("does not retry a permanent AppError or ScrapeError, and retries a retryable one", async () => {
    const tries: Record<string, number> = {};
    const errors: Record<string, Error> = {
      private: new ScrapeError("private", "this TikTok post is private"),
      invalid: new AppError("invalid_input"),
      network: new ScrapeError("network", "reset"),
      unavailable: new AppError("unavailable"),
      notConfigured: new AppError("not_configured", "GOOGLE_APPLICATION_CREDENTIALS: cannot read /nope (ENOENT)."),
    };
    const runner = createLocalRunner({
      ...quiet,
      definitions: [
        job({
          retries: 2,
          async handler({ event, step }) {
            await step.run("once", async () => {
              tries[event.data.id] = (tries[event.data.id] ?? 0) + 1;
              throw errors[event.data.id];
            });
          },
        }),
      ],
    });
    await runner.send(Object.keys(errors).map((id) => ({ name: "test.go", data: { id } })));
    await settle(runner);
    expect(tries).toEqual({ private: 1, invalid: 1, network: 3, unavailable: 3, notConfigured: 1 });
  });

  it("drops invalid payloads and duplicate idempotency keys; dispatches sendEvent in-process", async () => {
    const seen: string[] = [];
    const runner = createLocalRunner({
      ...quiet,
      definitions: [
        job({
          idempotency: "event.data.id",
          async handler({ event, step }) {
            seen.push(event.data.id);
            if (event.data.id === "parent") await step.sendEvent("child", { name: "test.go", data: { id: "child" } });
          },
        }),
      ],
    });
    await runner.send([{ name: "test.go", data: { id: "parent" } }, { name: "test.go", data: { id: "parent" } }, { name: "test.go", data: { nope: 1 } }]);
    await settle(runner);
    expect(seen.sort()).toEqual(["child", "parent"]);
  });

  it("cancels a run between steps when a matching cancel event arrives", async () => {
    const done: string[] = [];
    const runner = createLocalRunner({
      ...quiet,
      definitions: [
        job({
          cancelOn: [{ event: "test.cancel", match: "data.id" }],
          async handler({ event, step }) {
            await step.run("first", async () => void done.push(`${event.data.id}:first`));
            await step.sleep("wait", 200);
            await step.run("second", async () => void done.push(`${event.data.id}:second`));
          },
        }),
      ],
    });
    await runner.send([{ name: "test.go", data: { id: "a" } }, { name: "test.go", data: { id: "b" } }]);
    await vi.advanceTimersByTimeAsync(20);
    await runner.send({ name: "test.cancel", data: { id: "a" } });
    await settle(runner);
    expect(done.sort()).toEqual(["a:first", "b:first", "b:second"]);
  });

  it("limits concurrency per key", async () => {
    let running = 0;
    const peaks: Record<string, number> = {};
    const runner = createLocalRunner({
      ...quiet,
      definitions: [
        job({
          concurrency: [{ key: "event.data.group", limit: 2 }],
          async handler({ event, step }) {
            running++;
            peaks[event.data.group] = Math.max(peaks[event.data.group] ?? 0, running);
            await step.sleep("hold", 15);
            running--;
          },
        }),
      ],
    });
    await runner.send(Array.from({ length: 6 }, (_, i) => ({ name: "test.go", data: { id: String(i), group: "a" } })));
    await settle(runner);
    expect(peaks.a).toBe(2);
  });

  it("fires cron-triggered functions on their schedule and stops with stop()", async () => {
    let fired = 0;
    const runner = createLocalRunner({
      ...quiet,
      definitions: [{ id: "every-second", trigger: { cron: "* * * * * *" }, retries: 0, handler: async () => void fired++ }],
    });
    vi.setSystemTime(new Date("2026-03-15T12:00:00.500Z"));
    runner.startSchedules();
    await vi.advanceTimersByTimeAsync(2_000);
    await runner.stop();
    expect(fired).toBe(2);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fired).toBe(2);
  });
});
