import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { Inngest } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobRuns } from "@/lib/db/schema";
import type { JobDeps } from "@/lib/jobs/job-deps";
import { cancelRun } from "@/lib/services/job-runs/cancel-run";
import { startPostRun } from "@/lib/services/posts/start-post-run";
import { createTestDatabase, type TestDatabase } from "@/tests/db-harness";
import { DEV_POST_USERS } from "@/tests/tiktok/dev-posts";
import { createPostsScenario, type PostsScenario } from "@/tests/tiktok/posts-scenario";
import { createInngestFunctions } from ".";

// step.sendEvent really sends: answer as an Inngest server would, the test reads the spy's calls.
const client = new Inngest({ id: "reach-test", isDev: true, fetch: async () => Response.json({ ids: [], status: 200 }) });
type BatchEvent = { name: "posts.batch"; data: { batchId: string; postIds: string[] } };

function fns(deps: JobDeps) {
  const all = createInngestFunctions(client, { ...deps, snapshotLocalTime: "06:00" });
  const byId = (id: string) => all.find((fn) => fn.opts.id === id)!;
  return { run: byId("posts-run"), batch: byId("posts-batch"), schedule: byId("posts-schedule") };
}

const id = (n: number) => `7330${String(n).padStart(15, "0")}`;
const url = (user: string, n: number) => `https://www.tiktok.com/@${user}/video/${id(n)}`;
// Fresh each time: the test engine records executed steps into the list it is given.
const noSleep = () => ["scrape-backoff-1", "scrape-backoff-2", "slides-backoff-1"].map((stepId) => ({ id: stepId, handler: () => undefined }));

/** posts-run, then posts-batch for each event it fanned out (or the first `limit`). */
async function runPosts(scenario: PostsScenario, runId: string, options: { limit?: number } = {}) {
  const f = fns(scenario.deps);
  const planned = await new InngestTestEngine({ function: f.run, events: [{ name: "posts.requested", data: { workspaceId: scenario.workspaceId, runId } }] }).execute();
  const sent = planned.ctx.step.sendEvent.mock.calls.flatMap((call) => call[1] as BatchEvent[]);
  const results = [];
  for (const event of sent.slice(0, options.limit ?? sent.length)) {
    results.push((await new InngestTestEngine({ function: f.batch, events: [event], steps: noSleep() }).execute()).result);
  }
  const [row] = await scenario.db.select().from(jobRuns).where(eq(jobRuns.id, runId));
  return { sent, results, run: row! };
}

const start = (scenario: PostsScenario) => startPostRun(scenario.db, { workspaceId: scenario.workspaceId, trigger: "manual", now: new Date() });

describe("post pipeline Inngest functions with real steps (pglite + fixture server)", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
  });
  afterAll(() => database.drop());

  it("declares retries, per-workspace concurrency, the TikTok throttle, idempotency and cancelOn", () => {
    const f = fns({ tiktokRateLimit: { perSecond: 2, concurrency: 2 } } as JobDeps);
    expect(f.run.opts).toMatchObject({
      id: "posts-run",
      retries: 3,
      concurrency: [{ key: "event.data.workspaceId", limit: 1 }],
      idempotency: "event.data.runId",
      cancelOn: [{ event: "posts.cancel", match: "data.runId" }],
    });
    expect(f.batch.opts).toMatchObject({
      id: "posts-batch",
      retries: 3,
      concurrency: [{ key: "event.data.workspaceId", limit: 2 }],
      // 2 page loads a second, 50 posts a batch: two batches a minute.
      throttle: { limit: 2, period: "1m" },
      idempotency: "event.data.batchKey",
      cancelOn: [{ event: "posts.cancel", match: "data.runId" }],
    });
    expect(f.schedule.opts).toMatchObject({ id: "posts-schedule", retries: 2, concurrency: [{ limit: 1 }], triggers: [{ cron: "*/15 * * * *" }] });
    expect(f.batch.opts.onFailure).toBeTypeOf("function");
  });

  it("all succeed: sync, plan, one batch function per batch, the last batch closes the run", async () => {
    const scenario = await createPostsScenario("pglite", Array.from({ length: 6 }, (_, n) => url("slides.only", n)), { database, batchSize: 3 });
    const { runId } = await start(scenario);
    const { sent, results, run } = await runPosts(scenario, runId);
    expect(sent.map((event) => event.data.batchId)).toEqual(["b001", "b002"]);
    expect(results.map((result) => (result as { runFinished: boolean }).runFinished)).toEqual([false, true]);
    expect(run).toMatchObject({ status: "succeeded", progressDone: 6, counters: { succeeded: 6, batchesFinished: 2, sheetWriteRequests: 0 } });
    expect(run.counters.slidesStored).toBe(await scenario.count("stored_slides"));
    await scenario.close();
  });

  it("a retryable failure is tried again after a durable sleep; a permanent one is not", async () => {
    const scenario = await createPostsScenario("pglite", [url(DEV_POST_USERS.flaky, 10), url(DEV_POST_USERS.privatePost, 11)], { database, scraper: { maxRetries: 0 } });
    const { runId } = await start(scenario);
    const { results, run } = await runPosts(scenario, runId);
    expect(results).toMatchObject([{ attempts: 3, runFinished: true }]);
    expect(run).toMatchObject({ status: "partial", counters: { succeeded: 1, failed: 1, "error:private": 1 } });
    expect([scenario.world.pageLoads(id(10)), scenario.world.pageLoads(id(11))]).toEqual([3, 1]);
    await scenario.close();
  });

  it("cancel: batches after the cancel load nothing", async () => {
    const scenario = await createPostsScenario("pglite", [url("reach.dev", 20), url("reach.dev", 21)], { database });
    const { runId } = await start(scenario);
    const f = fns(scenario.deps);
    const planned = await new InngestTestEngine({ function: f.run, events: [{ name: "posts.requested", data: { workspaceId: scenario.workspaceId, runId } }] }).execute();
    await cancelRun(scenario.db, { workspaceId: scenario.workspaceId, runId, now: new Date() });
    for (const event of planned.ctx.step.sendEvent.mock.calls.flatMap((call) => call[1] as BatchEvent[])) {
      expect((await new InngestTestEngine({ function: f.batch, events: [event] }).execute()).result).toEqual({ cancelled: true });
    }
    expect(scenario.world.pageLoads()).toBe(0);
    const [run] = await scenario.db.select().from(jobRuns).where(eq(jobRuns.id, runId));
    expect(run?.status).toBe("cancelled");
    await scenario.close();
  });

  it("a batch replayed after its commits landed counts nothing twice", async () => {
    const scenario = await createPostsScenario("pglite", [url("slides.only", 30), url("slides.only", 31)], { database, batchSize: 1 });
    const { runId } = await start(scenario);
    const { sent } = await runPosts(scenario, runId, { limit: 1 });
    const row = async () => (await scenario.db.select().from(jobRuns).where(eq(jobRuns.id, runId)))[0]!;
    const once = await row();
    const downloads = scenario.world.slideDownloads();
    const replay = await new InngestTestEngine({ function: fns(scenario.deps).batch, events: [sent[0]!], steps: noSleep() }).execute();
    expect(replay.result).toMatchObject({ runFinished: false });
    const twice = await row();
    expect([twice.progressDone, twice.counters]).toEqual([once.progressDone, once.counters]);
    expect(scenario.world.slideDownloads()).toBe(downloads);
    await new InngestTestEngine({ function: fns(scenario.deps).batch, events: [sent[1]!], steps: noSleep() }).execute();
    expect(await row()).toMatchObject({ status: "succeeded", progressDone: 2, counters: { succeeded: 2, batchesFinished: 2 } });
    await scenario.close();
  });

  it("schedule: the daily refresh starts one run per workspace with posts once its local time has passed", async () => {
    const scenario = await createPostsScenario("pglite", [url("reach.dev", 40)], { database });
    const tick = async (iso: string) => {
      const f = fns({ ...scenario.deps, now: () => new Date(iso) });
      const { ctx } = await new InngestTestEngine({ function: f.schedule }).execute();
      const sent = ctx.step.sendEvent.mock.calls.flatMap((call) => call[1] as { name: string; data: { workspaceId: string } }[]);
      return sent.filter((event) => event.data.workspaceId === scenario.workspaceId);
    };
    // Europe/Paris is UTC+1 in January; the default time is 06:00.
    expect(await tick("2030-01-10T04:45:00Z")).toHaveLength(0);
    expect(await tick("2030-01-10T05:00:00Z")).toMatchObject([{ name: "posts.requested" }]);
    expect(await tick("2030-01-10T05:05:00Z")).toHaveLength(0);
    const runs = await scenario.db.select().from(jobRuns).where(eq(jobRuns.workspaceId, scenario.workspaceId));
    expect(runs).toMatchObject([{ kind: "posts.pipeline", trigger: "cron", params: { statsDate: "2030-01-10" } }]);
    await scenario.close();
  });
});
