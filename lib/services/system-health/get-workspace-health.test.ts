import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAsUser } from "@/lib/db/rls";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";
import { getWorkspaceHealth } from "./get-workspace-health";

const NOW = new Date("2030-03-10T15:00:00Z"); // 11:00 in New York (EDT from 10 March)

describe.each(ENGINES)("system health of a workspace on %s", (engine) => {
  let db: TestDatabase;
  const ws = randomUUID();
  const other = randomUUID();
  const admin = randomUUID();
  const outsider = randomUUID();
  const run = (text: string, params: unknown[] = []) => db.connection.runner.query(text, params);

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await run("insert into auth.users (id, email) values ($1, 'admin@h.test'), ($2, 'out@h.test')", [admin, outsider]);
    await run("insert into workspaces (id, slug, name, timezone) values ($1, 'health', 'Health', 'America/New_York'), ($2, 'other', 'Other', 'UTC')", [ws, other]);
    await run("insert into workspace_members values ($1, $2, 'admin'), ($3, $4, 'admin')", [ws, admin, other, outsider]);
    const runs: [string, string, number][] = [
      // 04:30Z on 10 March is 23:30 on 9 March in New York; 05:30Z is 00:30 on the 10th.
      ["2030-03-10T04:30:00Z", "succeeded", 60],
      ["2030-03-10T05:30:00Z", "partial", 120],
      ["2030-03-10T06:00:00Z", "failed", 30],
      ["2030-03-10T07:00:00Z", "succeeded", 300],
      // Two days earlier: in the 7 days, not in the last 24 hours.
      ["2030-03-08T12:00:00Z", "succeeded", 10],
    ];
    const ids: string[] = [];
    for (const [created, status, seconds] of runs) {
      const id = randomUUID();
      ids.push(id);
      await run(
        `insert into job_runs (id, workspace_id, kind, status, trigger, created_at, started_at, finished_at)
         values ($1, $2, 'accounts.snapshot', $3, 'cron', $4::timestamptz, $4::timestamptz, $4::timestamptz + make_interval(secs => $5))`,
        [id, ws, status, created, seconds],
      );
    }
    await run("insert into job_runs (workspace_id, kind, status, trigger, created_at) values ($1, 'accounts.snapshot', 'failed', 'cron', '2030-03-10T08:00:00Z')", [other]);
    await run(
      `insert into job_runs (workspace_id, kind, status, trigger, created_at, counters) values
         ($1, 'posts.pipeline', 'succeeded', 'cron', '2030-03-10T09:00:00Z', '{"sheetReadRequests": 3, "sheetWriteRequests": 2, "sheetRateLimited": 1}'),
         ($1, 'posts.pipeline', 'succeeded', 'manual', '2030-03-10T10:00:00Z', '{"sheetReadRequests": 1}')`,
      [ws],
    );
    // The null platform is a batch logged before platforms and scrape times were recorded.
    const logs: [string, string, number, number, number, string, string | null, string][] = [
      [ids[0]!, "b001", 1000, 4, 1, "{}", "bluesky", "{100,200,300,400}"],
      [ids[1]!, "b001", 2000, 4, 0.5, '{"not_found": 2, "private": 1}', "bluesky", "{500,600,700,800}"],
      [ids[1]!, "b002", 4000, 4, 1, '{"not_found": 1}', "mastodon", "{1000,1000,1000,1000}"],
      [ids[2]!, "b001", 6000, 4, 0, '{"network": 4}', null, "{}"],
      [ids[4]!, "b001", 200, 2, 0.5, '{"blocked": 1}', "x", "{50,150}"],
    ];
    for (const [runId, batch, ms, urls, rate, errors, platform, scrapeMs] of logs) {
      await run(
        `insert into scraping_logs (workspace_id, job_run_id, batch_id, duration_ms, urls_processed, success_rate, errors, platform, scrape_ms, created_at)
         select $1, $2, $3, $4, $5, $6, $7::jsonb, $8::platform, $9::integer[], created_at from job_runs where id = $2`,
        [ws, runId, batch, ms, urls, rate, errors, platform, scrapeMs],
      );
    }
    await run("insert into accounts (workspace_id, platform, handle, latest_snapshot_date) values ($1, 'bluesky', 'today.bsky.social', '2030-03-10'), ($1, 'bluesky', 'yesterday.bsky.social', '2030-03-09')", [ws]);
    await run("insert into accounts (workspace_id, platform, handle, latest_snapshot_date, health_status) values ($1, 'bluesky', 'old.bsky.social', '2030-03-07', 'failing')", [ws]);
  });
  afterAll(async () => {
    await db?.drop();
  });

  const as = (user: string, workspaceId: string) =>
    runAsUser(db.connection, { sub: user, email: null }, (tx) => getWorkspaceHealth(tx, { workspaceId, timezone: "America/New_York", now: NOW }));

  it("counts runs and batches per local day, with medians and percentiles, and errors by code", async () => {
    const health = await as(admin, ws);
    expect(health.days.map((day) => day.date)).toEqual(["2030-03-04", "2030-03-05", "2030-03-06", "2030-03-07", "2030-03-08", "2030-03-09", "2030-03-10"]);
    const [ninth, tenth] = health.days.slice(-2);
    expect(ninth).toMatchObject({ succeeded: 1, partial: 0, failed: 0, medianRunSeconds: 60, batches: 1, batchP50Ms: 1000, successRate: 1 });
    expect(tenth).toMatchObject({ succeeded: 3, partial: 1, failed: 1, cancelled: 0, medianRunSeconds: 120, batches: 3, batchP50Ms: 4000, successRate: 0.5 });
    expect(tenth).toMatchObject({ sheetsRequests: 6, sheetsRateLimited: 1 });
    expect(ninth).toMatchObject({ sheetsRequests: 0, sheetsRateLimited: 0 });
    expect(tenth!.batchP95Ms).toBeCloseTo(5800, 5);
    expect(health.days[0]).toMatchObject({ succeeded: 0, batches: 0, batchP50Ms: null, medianRunSeconds: null, successRate: null });
    expect(health.errors).toEqual([
      { platform: null, code: "network", count: 4 },
      { platform: "bluesky", code: "not_found", count: 2 },
      { platform: "bluesky", code: "private", count: 1 },
      { platform: "mastodon", code: "not_found", count: 1 },
      { platform: "x", code: "blocked", count: 1 },
    ]);
    // Stale: no snapshot since yesterday, in New York's calendar.
    expect(health.freshness).toMatchObject({ activeAccounts: 3, staleAccounts: 1, failingAccounts: 1, stalePosts: 0, suspectSnapshots: 0 });
  });

  it("gives each platform its success rate and scrape latency over 24 hours and 7 days", async () => {
    const health = await as(admin, ws);
    const bluesky = { platform: "bluesky", items: 8, successRate: 0.75, scrapes: 8, p50Ms: 450 };
    const mastodon = { platform: "mastodon", items: 4, successRate: 1, scrapes: 4, p50Ms: 1000, p95Ms: 1000 };
    expect(health.platforms).toMatchObject([
      { ...bluesky, window: "24h" },
      { ...bluesky, window: "7d" },
      { ...mastodon, window: "24h" },
      { ...mastodon, window: "7d" },
      { platform: "x", window: "7d", items: 2, successRate: 0.5, scrapes: 2, p50Ms: 100 },
    ]);
    // percentile_cont interpolates: 0.95 of the way through 100..800 is 765 ms, through 50..150 is 145 ms.
    expect(health.platforms[0]!.p95Ms).toBeCloseTo(765, 5);
    expect(health.platforms[4]!.p95Ms).toBeCloseTo(145, 5);
  });

  it("shows a member of another workspace nothing of this one", async () => {
    const health = await as(outsider, ws);
    expect(health.days.every((day) => day.succeeded + day.partial + day.failed + day.batches === 0)).toBe(true);
    expect(health.errors).toEqual([]);
    expect(health.platforms).toEqual([]);
    expect(health.freshness).toEqual({ activeAccounts: 0, staleAccounts: 0, failingAccounts: 0, stalePosts: 0, suspectSnapshots: 0 });
  });
});
