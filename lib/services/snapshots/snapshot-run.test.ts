import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createJobDefinitions } from "@/lib/jobs/definitions";
import { rowsOf } from "@/lib/db/rows";
import { accounts, jobRuns, scrapingLogs } from "@/lib/db/schema";
import { createLocalRunner } from "@/lib/jobs/local-runner";
import { markInterruptedRuns } from "@/lib/services/job-runs/mark-interrupted-runs";
import { createSnapshotScenario, type SnapshotScenario } from "@/tests/jobs/snapshot-scenario";
import { ENGINES } from "@/tests/db-harness";
import { planSnapshotRun } from "./plan-snapshot-run";
import { retrySnapshotRun } from "./retry-snapshot-run";
import { startSnapshotRun } from "./start-snapshot-run";

const GOOD = [
  { platform: "tiktok", handle: "reach.demo" },
  { platform: "tiktok", handle: "big.demo", isCore: true },
  { platform: "bluesky", handle: "reach.bsky.social" },
  { platform: "mastodon", handle: "reach@mastodon.social" },
  { platform: "instagram", handle: "reach.demo" },
  { platform: "truth_social", handle: "reachdemo" },
] as const;
const BAD = [
  { platform: "tiktok", handle: "nobody.here" },
  { platform: "instagram", handle: "walled.demo" },
] as const;

describe.each(ENGINES)("snapshot runs through the local runner (%s)", (engine) => {
  let scenario: SnapshotScenario;

  // A scenario per test (cheap: the database is cloned from the migrated template), so none depends on another's runs.
  beforeEach(async () => {
    scenario = await createSnapshotScenario(engine, [...GOOD, ...BAD]);
  });
  afterEach(() => scenario.close());

  async function runToEnd(start: () => Promise<{ runId: string; event: { name: string; data: Record<string, unknown> } }>) {
    const runner = createLocalRunner({ definitions: createJobDefinitions(scenario.deps), retryBaseMs: 1, log: () => {} });
    const started = await start();
    await runner.send(started.event);
    await runner.idle();
    const [run] = await scenario.db.select().from(jobRuns).where(eq(jobRuns.id, started.runId));
    return run!;
  }

  it("orders core accounts first, then those that failed last time, in one-platform batches", async () => {
    await scenario.db.update(accounts).set({ consecutiveFailures: 2 }).where(eq(accounts.id, scenario.ids["reach.bsky.social"]!));
    const { runId } = await startSnapshotRun(scenario.db, { workspaceId: scenario.workspaceId, trigger: "manual", now: new Date() });
    const plan = await planSnapshotRun(scenario.db, runId, { now: new Date(), limits: {} });
    expect(plan.batches[0]).toMatchObject({ batchId: "b001", platform: "tiktok" });
    expect(plan.batches[0]!.accountIds[0]).toBe(scenario.ids["big.demo"]);
    expect(plan.batches[1]).toMatchObject({ batchId: "b002", platform: "bluesky" });
    expect(new Set(plan.batches.map((batch) => batch.platform)).size).toBe(plan.batches.length);
  });

  it("snapshots every account, records permanent failures in health, and logs one row per batch", async () => {
    const run = await runToEnd(() => startSnapshotRun(scenario.db, { workspaceId: scenario.workspaceId, trigger: "manual", now: new Date() }));
    // Some accounts failed and some succeeded: the run says so.
    expect(run).toMatchObject({ status: "partial", progressDone: 8, progressTotal: 8, error: "2 account(s) failed; see the error counts" });
    expect(run.counters).toMatchObject({ succeeded: 6, failed: 2, skipped: 0, "error:not_found": 1, "error:login_required": 1 });
    expect(await scenario.snapshotCount()).toBe(6);
    const logs = await scenario.db.select().from(scrapingLogs).where(eq(scrapingLogs.jobRunId, run.id));
    expect(logs.map((log) => log.batchId).sort()).toEqual(["b001", "b002", "b003", "b004", "b005"]);
    // Each batch names its one platform and times every scrape it made: 8 accounts, no retries.
    expect(logs.map((log) => log.platform).sort()).toEqual(["bluesky", "instagram", "mastodon", "tiktok", "truth_social"]);
    expect(logs.flatMap((log) => log.scrapeMs)).toHaveLength(8);
    expect(logs.flatMap((log) => log.scrapeMs).every((ms) => Number.isInteger(ms) && ms >= 0)).toBe(true);
    const missing = await scenario.db.select().from(accounts).where(eq(accounts.id, scenario.ids["nobody.here"]!));
    expect(missing[0]).toMatchObject({ healthStatus: "failing", lastErrorCode: "not_found", consecutiveFailures: 1 });
    const healthy = await scenario.db.select().from(accounts).where(eq(accounts.id, scenario.ids["big.demo"]!));
    expect(healthy[0]).toMatchObject({ healthStatus: "healthy", consecutiveFailures: 0 });
    expect(healthy[0]!.lastSuccessAt).not.toBeNull();
    // Permanent errors are not retried: one request each.
    expect(scenario.scraper.server.hits("www.tiktok.com", "/@nobody.here")).toBe(1);
  });

  const startManual = () => startSnapshotRun(scenario.db, { workspaceId: scenario.workspaceId, trigger: "manual", now: new Date() });

  it("a second run the same day adds nothing and leaves permanent failures for tomorrow", async () => {
    await runToEnd(startManual);
    const run = await runToEnd(() => startSnapshotRun(scenario.db, { workspaceId: scenario.workspaceId, trigger: "manual", now: new Date() }));
    expect(run).toMatchObject({ status: "succeeded", progressTotal: 0 });
    expect(run.counters).toMatchObject({ skipped: 8 });
    expect(await scenario.snapshotCount()).toBe(6);
    expect(scenario.scraper.server.hits("www.tiktok.com", "/@nobody.here")).toBe(1);
  });

  it("retrying failed items asks again for the permanent failures only", async () => {
    const last = await runToEnd(startManual);
    expect(last).toMatchObject({ status: "partial", progressTotal: 8 });
    const run = await runToEnd(() => retrySnapshotRun(scenario.db, { workspaceId: scenario.workspaceId, runId: last.id, triggeredBy: null, now: new Date() }));
    // Both fail again and nothing succeeded: the run failed.
    expect(run).toMatchObject({ status: "failed", progressTotal: 2, counters: { succeeded: 0, failed: 2 } });
    expect(run.params).toMatchObject({ retryOf: last.id, includePermanentFailures: true });
    const [again] = await scenario.db.select().from(accounts).where(eq(accounts.id, scenario.ids["nobody.here"]!));
    expect(again?.consecutiveFailures).toBe(2);
    expect(await scenario.snapshotCount()).toBe(6);
  });

  it("refuses a second run while one is in progress, and marks runs left running as interrupted", async () => {
    const first = await startSnapshotRun(scenario.db, { workspaceId: scenario.workspaceId, trigger: "manual", now: new Date() });
    await expect(startSnapshotRun(scenario.db, { workspaceId: scenario.workspaceId, trigger: "manual", now: new Date() })).rejects.toMatchObject({ code: "conflict" });
    expect(await markInterruptedRuns(scenario.db, { now: new Date() })).toBeGreaterThanOrEqual(1);
    const [run] = await scenario.db.select().from(jobRuns).where(eq(jobRuns.id, first.runId));
    expect(run?.status).toBe("interrupted");
    const rows = rowsOf<{ n: number | string }>(await scenario.db.execute(sql`select count(*) as n from job_runs where status in ('queued', 'running')`));
    expect(Number(rows[0]?.n)).toBe(0);
  });
});
