import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, jobRuns } from "@/lib/db/schema";
import { ENGINES } from "@/tests/db-harness";
import { createSnapshotScenario, type SnapshotScenario } from "@/tests/jobs/snapshot-scenario";
import { snapshotAccounts } from "@/lib/services/snapshots/snapshot-accounts";
import { startSnapshotRun } from "@/lib/services/snapshots/start-snapshot-run";

// PGlite only: this is about the engine re-running a committed step, not about the database.
describe("a batch attempt that runs twice (a step replayed after its commit)", () => {
  let scenario: SnapshotScenario;
  beforeAll(async () => {
    scenario = await createSnapshotScenario("pglite", [
      { platform: "bluesky", handle: "reach.bsky.social" },
      { platform: "bluesky", handle: "fresh.bsky.social" },
    ]);
  });
  afterAll(() => scenario.close());

  it("counts its accounts in the run's progress once", async () => {
    const now = new Date();
    const { runId, snapshotDate } = await startSnapshotRun(scenario.db, { workspaceId: scenario.workspaceId, trigger: "manual", now });
    await scenario.db.update(jobRuns).set({ status: "running", progressTotal: 2 }).where(eq(jobRuns.id, runId));
    const input = { runId, workspaceId: scenario.workspaceId, snapshotDate, accountIds: Object.values(scenario.ids), final: true, attemptKey: "b001:0" };
    const deps = { db: scenario.db, scraper: scenario.deps.scraper(), now: () => now };
    const first = await snapshotAccounts(deps, input);
    const replay = await snapshotAccounts(deps, input);
    expect(first.succeeded).toBe(2);
    expect(replay).toMatchObject({ succeeded: 0, skipped: 2 });
    const [run] = await scenario.db.select().from(jobRuns).where(eq(jobRuns.id, runId));
    expect(run?.progressDone).toBe(2);
    expect(run?.counters).toMatchObject({ succeeded: 2, skipped: 0 });
    expect(await scenario.snapshotCount()).toBe(2);

    await snapshotAccounts(deps, { ...input, attemptKey: "b001:1" });
    const [after] = await scenario.db.select().from(jobRuns).where(eq(jobRuns.id, runId));
    expect(after?.progressDone).toBe(4);
  });
});

describe("display names from the platform", () => {
  let scenario: SnapshotScenario;
  beforeAll(async () => {
    scenario = await createSnapshotScenario("pglite", [
      { platform: "bluesky", handle: "reach.bsky.social" },
      { platform: "bluesky", handle: "fresh.bsky.social" },
    ]);
  });
  afterAll(() => scenario.close());

  it("fill an account's empty display name, and never replace one a person typed", async () => {
    const typed = scenario.ids["fresh.bsky.social"] ?? "";
    await scenario.db.update(accounts).set({ displayName: "Typed by a person" }).where(eq(accounts.id, typed));
    const now = new Date();
    const { runId, snapshotDate } = await startSnapshotRun(scenario.db, { workspaceId: scenario.workspaceId, trigger: "manual", now });
    await scenario.db.update(jobRuns).set({ status: "running", progressTotal: 2 }).where(eq(jobRuns.id, runId));
    const input = { runId, workspaceId: scenario.workspaceId, snapshotDate, accountIds: Object.values(scenario.ids), final: true, attemptKey: "b001:0" };
    expect((await snapshotAccounts({ db: scenario.db, scraper: scenario.deps.scraper(), now: () => now }, input)).succeeded).toBe(2);
    const names = await scenario.db.select({ handle: accounts.handle, displayName: accounts.displayName }).from(accounts).orderBy(accounts.handle);
    expect(names).toEqual([
      { handle: "fresh.bsky.social", displayName: "Typed by a person" },
      { handle: "reach.bsky.social", displayName: "Reach Demo" },
    ]);
  });
});

describe.each(ENGINES)("a batch that hands accounts back for another try, on %s", (engine) => {
  let scenario: SnapshotScenario;
  beforeAll(async () => {
    // TikTok answers 503 once, then the profile: the first attempt hands the account back.
    const flaky = { host: "www.tiktok.com", path: "/@flaky.demo", responses: [{ status: 503, body: "down" }, { file: "tiktok/profile.html" }] };
    scenario = await createSnapshotScenario(engine, [{ platform: "tiktok", handle: "flaky.demo" }, { platform: "tiktok", handle: "reach.demo" }], {
      scraper: { maxRetries: 0 },
      server: { extraRoutes: [flaky] },
    });
  });
  afterAll(() => scenario.close());

  it("records on the run which try comes next and why, and clears it once the batch has nothing left to retry", async () => {
    const now = new Date();
    const { runId, snapshotDate } = await startSnapshotRun(scenario.db, { workspaceId: scenario.workspaceId, trigger: "manual", now });
    await scenario.db.update(jobRuns).set({ status: "running", progressTotal: 2 }).where(eq(jobRuns.id, runId));
    const deps = { db: scenario.db, scraper: scenario.deps.scraper(), now: () => now };
    const input = { runId, workspaceId: scenario.workspaceId, snapshotDate, accountIds: Object.values(scenario.ids), final: false };
    const params = async () => (await scenario.db.select({ params: jobRuns.params }).from(jobRuns).where(eq(jobRuns.id, runId)))[0]?.params;

    const first = await snapshotAccounts(deps, { ...input, attemptKey: "b001:0", attempt: { batchId: "b001", number: 1, of: 3 } });
    expect(first).toMatchObject({ succeeded: 1, retry: [scenario.ids["flaky.demo"]] });
    expect(await params()).toMatchObject({ retrying: { b001: { next: 2, of: 3, codes: { network: 1 } } } });

    const second = await snapshotAccounts(deps, { ...input, accountIds: first.retry, attemptKey: "b001:1", attempt: { batchId: "b001", number: 2, of: 3 } });
    expect(second).toMatchObject({ succeeded: 1, retry: [] });
    expect(await params()).toMatchObject({ retrying: {} });
  });
});
