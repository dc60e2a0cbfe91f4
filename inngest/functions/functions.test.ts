import { InngestTestEngine, mockCtx } from "@inngest/test";
import { eq } from "drizzle-orm";
import { Inngest } from "inngest";
import { serve } from "inngest/next";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInngestClient } from "@/inngest/client";
import { accounts, jobRuns } from "@/lib/db/schema";
import type { JobDeps } from "@/lib/jobs/job-deps";
import { createSnapshotScenario, type SnapshotScenario } from "@/tests/jobs/snapshot-scenario";
import { cancelRun } from "@/lib/services/job-runs/cancel-run";
import { retrySnapshotRun } from "@/lib/services/snapshots/retry-snapshot-run";
import { startSnapshotRun } from "@/lib/services/snapshots/start-snapshot-run";
import { createTestDatabase, type TestDatabase } from "@/tests/db-harness";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { ScrapeError } from "@/lib/scrapers/errors";
import { createInngestFunctions, toInngestFunction } from ".";

// step.sendEvent really sends: answer as an Inngest server would, the test reads the spy's calls.
const client = new Inngest({ id: "reach-test", isDev: true, fetch: async () => Response.json({ ids: [], status: 200 }) });
type BatchEvent = { name: "snapshots.batch"; data: { batchId: string; accountIds: string[] } };

function engines(deps: JobDeps) {
  const fns = createInngestFunctions(client, { ...deps, snapshotLocalTime: "06:00" });
  const byId = (id: string) => fns.find((fn) => fn.opts.id === id)!;
  return { run: byId("snapshots-run"), batch: byId("snapshots-batch"), schedule: byId("snapshots-schedule") };
}

/** Runs snapshots-run, then snapshots-batch for each event it fanned out (or the first `limit`). */
async function runSnapshots(scenario: SnapshotScenario, runId: string, options: { limit?: number; steps?: { id: string; handler: () => unknown }[] } = {}) {
  const fns = engines(scenario.deps);
  const data = { workspaceId: scenario.workspaceId, runId };
  const planned = await new InngestTestEngine({ function: fns.run, events: [{ name: "snapshots.requested", data }] }).execute();
  const sent = planned.ctx.step.sendEvent.mock.calls.flatMap((call) => call[1] as BatchEvent[]);
  const results = [];
  for (const event of sent.slice(0, options.limit ?? sent.length)) {
    const t = new InngestTestEngine({ function: fns.batch, events: [event], steps: options.steps });
    results.push((await t.execute()).result);
  }
  const [row] = await scenario.db.select().from(jobRuns).where(eq(jobRuns.id, runId));
  return { sent, results, run: row! };
}

const start = (scenario: SnapshotScenario) => startSnapshotRun(scenario.db, { workspaceId: scenario.workspaceId, trigger: "manual", now: new Date() });

describe("Inngest functions with real steps (pglite + fixture server)", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
  });
  afterAll(() => database.drop());

  it("declares retries, per-platform concurrency, idempotency and cancelOn", () => {
    const fns = engines({} as JobDeps);
    expect(fns.run.opts).toMatchObject({
      id: "snapshots-run",
      retries: 3,
      concurrency: [{ key: "event.data.workspaceId", limit: 1 }],
      idempotency: "event.data.runId",
      cancelOn: [{ event: "snapshots.cancel", match: "data.runId" }],
    });
    expect(fns.batch.opts).toMatchObject({
      id: "snapshots-batch",
      retries: 3,
      concurrency: [{ key: "event.data.platform", limit: 4, scope: "env" }],
      idempotency: "event.data.batchKey",
      cancelOn: [{ event: "snapshots.cancel", match: "data.runId" }],
    });
    expect(fns.schedule.opts).toMatchObject({ id: "snapshots-schedule", retries: 2, concurrency: [{ limit: 1 }], triggers: [{ cron: "*/15 * * * *" }] });
    expect(fns.run.opts.onFailure).toBeTypeOf("function");
  });

  it("all succeed", async () => {
    const scenario = await createSnapshotScenario("pglite", [
      { platform: "tiktok", handle: "reach.demo" },
      { platform: "bluesky", handle: "reach.bsky.social" },
      { platform: "linkedin", handle: "reach-demo" },
    ], { database });
    const { runId } = await start(scenario);
    const { sent, run } = await runSnapshots(scenario, runId);
    expect(sent).toHaveLength(3);
    expect(run).toMatchObject({ status: "succeeded", progressDone: 3, progressTotal: 3, counters: { succeeded: 3, failed: 0 } });
    expect(await scenario.snapshotCount()).toBe(3);
    await scenario.close();
  });

  it("partial and permanent failure: failures end in health, the rest is snapshotted, nothing retried", async () => {
    const scenario = await createSnapshotScenario("pglite", [
      { platform: "threads", handle: "reach.demo" },
      { platform: "threads", handle: "walled.demo" },
      { platform: "threads", handle: "nobody.here" },
    ], { database });
    const { runId } = await start(scenario);
    const { results, run } = await runSnapshots(scenario, runId);
    expect(results).toEqual([{ attempts: 1, runFinished: true }]);
    expect(run.counters).toMatchObject({ succeeded: 1, failed: 2, "error:login_required": 1, "error:not_found": 1 });
    expect(run.error).toMatch(/2 account\(s\) failed/);
    expect(run.status).toBe("partial");
    const [walled] = await scenario.db.select().from(accounts).where(eq(accounts.id, scenario.ids["walled.demo"]!));
    expect(walled).toMatchObject({ healthStatus: "failing", lastErrorCode: "login_required", consecutiveFailures: 1 });
    await scenario.close();
  });

  it("retry then success: a retryable error is tried again after a durable sleep", async () => {
    const flaky = { host: "www.tiktok.com", path: "/@flaky.demo", responses: [{ status: 503, body: "down" }, { file: "tiktok/profile.html" }] };
    const scenario = await createSnapshotScenario("pglite", [{ platform: "tiktok", handle: "flaky.demo" }], {
      database,
      scraper: { maxRetries: 0 },
      server: { extraRoutes: [flaky] },
    });
    const { runId } = await start(scenario);
    const { results, run } = await runSnapshots(scenario, runId, { steps: [{ id: "backoff-1", handler: () => undefined }] });
    expect(results).toEqual([{ attempts: 2, runFinished: true }]);
    expect(run).toMatchObject({ status: "succeeded", counters: { succeeded: 1, failed: 0 } });
    expect(scenario.scraper.server.hits("www.tiktok.com", "/@flaky.demo")).toBe(2);
    await scenario.close();
  });

  it("crash: a batch that throws is closed as failed by onFailure, which sends runs.finished once", async () => {
    const scenario = await createSnapshotScenario("pglite", [{ platform: "bluesky", handle: "reach.bsky.social" }], { database });
    const { runId } = await start(scenario);
    const planned = await new InngestTestEngine({ function: engines(scenario.deps).run, events: [{ name: "snapshots.requested", data: { workspaceId: scenario.workspaceId, runId } }] }).execute();
    const [batch] = planned.ctx.step.sendEvent.mock.calls.flatMap((call) => call[1] as BatchEvent[]);
    const crashing = engines({ ...scenario.deps, scraper: () => { throw new Error("the scraper's browser would not start"); } }).batch;
    const crashed = await new InngestTestEngine({ function: crashing, events: [batch!] }).execute();
    expect(crashed.error).toMatchObject({ message: "the scraper's browser would not start" });

    // What Inngest runs once the batch gave up: the function's onFailure, on inngest/function.failed.
    const onFailure = client.createFunction({ id: "snapshots-batch-failure", triggers: [{ event: "inngest/function.failed" }] }, crashing.opts.onFailure as never);
    const fail = () =>
      new InngestTestEngine({
        function: onFailure,
        events: [{ name: "inngest/function.failed", data: { event: batch, error: { name: "Error", message: "the scraper's browser would not start" } } }],
        transformCtx: (ctx) => ({ ...mockCtx(ctx), error: new Error("the scraper's browser would not start") }),
      }).execute();
    const first = await fail();
    expect(first.ctx.step.sendEvent.mock.calls).toEqual([["run-failed", [{ name: "runs.finished", data: { workspaceId: scenario.workspaceId, runId } }]]]);
    const [run] = await scenario.db.select().from(jobRuns).where(eq(jobRuns.id, runId));
    expect(run).toMatchObject({ status: "failed", error: expect.stringMatching(/^Batch .+ failed; the details are in the server log\.$/) });
    // A second batch giving up finds the run closed: no second runs.finished.
    expect((await fail()).ctx.step.sendEvent.mock.calls).toEqual([]);
    await scenario.close();
  });

  it("cancel: batches after the cancel write nothing", async () => {
    const scenario = await createSnapshotScenario("pglite", [
      { platform: "tiktok", handle: "reach.demo" },
      { platform: "bluesky", handle: "reach.bsky.social" },
    ], { database });
    const { runId } = await start(scenario);
    const fns = engines(scenario.deps);
    const planned = await new InngestTestEngine({ function: fns.run, events: [{ name: "snapshots.requested", data: { workspaceId: scenario.workspaceId, runId } }] }).execute();
    await cancelRun(scenario.db, { workspaceId: scenario.workspaceId, runId, now: new Date() });
    const events = planned.ctx.step.sendEvent.mock.calls.flatMap((call) => call[1] as BatchEvent[]);
    for (const event of events) {
      const { result } = await new InngestTestEngine({ function: fns.batch, events: [event] }).execute();
      expect(result).toEqual({ cancelled: true });
    }
    expect(await scenario.snapshotCount()).toBe(0);
    const [run] = await scenario.db.select().from(jobRuns).where(eq(jobRuns.id, runId));
    expect(run?.status).toBe("cancelled");
    await scenario.close();
  });

  it("resume after interruption: no duplicate snapshots, no account skipped", async () => {
    const list = [
      ...["reach.demo", "big.demo", "private.demo"].map((handle) => ({ platform: "tiktok" as const, handle })),
      { platform: "bluesky" as const, handle: "reach.bsky.social" },
      { platform: "bluesky" as const, handle: "fresh.bsky.social" },
      { platform: "mastodon" as const, handle: "reach@mastodon.social" },
    ];
    const scenario = await createSnapshotScenario("pglite", list, { database });
    const { runId } = await start(scenario);
    // Half-way: only the first of three batches (one per platform) ran before the process died.
    const first = await runSnapshots(scenario, runId, { limit: 1 });
    expect(first.sent).toHaveLength(3);
    const done = first.sent[0]!.data.accountIds;
    expect(await scenario.snapshotCount()).toBe(done.length);
    await scenario.db.update(jobRuns).set({ status: "interrupted" }).where(eq(jobRuns.id, runId));

    const resumed = await retrySnapshotRun(scenario.db, { workspaceId: scenario.workspaceId, runId, triggeredBy: null, now: new Date() });
    const second = await runSnapshots(scenario, resumed.runId);
    const left = Object.values(scenario.ids).filter((id) => !done.includes(id));
    expect(second.run).toMatchObject({
      status: "succeeded",
      progressTotal: left.length,
      counters: { succeeded: left.length, skipped: done.length },
    });
    expect(second.sent.flatMap((event) => event.data.accountIds).sort()).toEqual(left.sort());
    expect(await scenario.snapshotCount()).toBe(list.length);
    await scenario.close();
  });

  it("schedule: one cron run per workspace once its local snapshot time has passed, once a day", async () => {
    const scenario = await createSnapshotScenario("pglite", [{ platform: "tiktok", handle: "reach.demo" }], { database });
    const tick = async (iso: string) => {
      const fns = engines({ ...scenario.deps, now: () => new Date(iso) });
      const { ctx, result } = await new InngestTestEngine({ function: fns.schedule }).execute();
      const sent = ctx.step.sendEvent.mock.calls.flatMap((call) => call[1] as { data: { workspaceId: string } }[]);
      return { result, mine: sent.filter((event) => event.data.workspaceId === scenario.workspaceId) };
    };
    // The scenario's workspace is in Europe/Paris (UTC+1 in January).
    expect((await tick("2030-01-10T04:45:00Z")).mine).toHaveLength(0);
    const first = (await tick("2030-01-10T05:00:00Z")).mine;
    expect(first).toHaveLength(1);
    expect((await tick("2030-01-10T05:05:00Z")).mine).toHaveLength(0);
    // Still queued 15 minutes later: its start event was lost, so the same run is asked for again.
    expect((await tick("2030-01-10T05:15:00Z")).mine).toEqual(first);
    const runs = await scenario.db.select().from(jobRuns).where(eq(jobRuns.workspaceId, scenario.workspaceId));
    expect(runs).toMatchObject([{ trigger: "cron", status: "queued", params: { snapshotDate: "2030-01-10" } }]);
    await scenario.close();
  });

  it("maps a permanent AppError or ScrapeError to NonRetriableError, and leaves a retryable one to Inngest's retries", async () => {
    const failWith = (error: Error) =>
      toInngestFunction(client, {
        id: "boom",
        trigger: { event: "test.boom", schema: z.object({}) },
        retries: 3,
        handler: async ({ step }) => step.run("work", async () => Promise.reject(error)),
      });
    const run = async (error: Error) => (await new InngestTestEngine({ function: failWith(error), events: [{ name: "test.boom", data: {} }] }).execute()).error as Error;
    expect((await run(new ScrapeError("not_found", "gone"))).name).toBe("NonRetriableError");
    expect((await run(new AppError("invalid_input"))).name).toBe("NonRetriableError");
    expect((await run(new ScrapeError("rate_limited", "slow down"))).name).not.toBe("NonRetriableError");
  });

  it("refuses an unsigned call when a signing key is configured", async () => {
    const signed = createInngestClient({ signingKey: "signkey-prod-0123456789abcdef0123456789abcdef", isDev: false });
    const handler = serve({ client: signed, functions: createInngestFunctions(signed, {} as JobDeps) });
    const request = new NextRequest("http://localhost/api/inngest?fnId=reach-snapshots-run&stepId=step", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ event: { name: "snapshots.requested", data: {} }, steps: {}, ctx: { run_id: "x", attempt: 0, stack: { stack: [] } } }),
    });
    const response = await handler.POST(request, undefined);
    expect(response.status).toBe(401);
  });
});
