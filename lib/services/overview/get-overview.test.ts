import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db/client";
import { runAsUser, type UserClaims } from "@/lib/db/rls";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";
import { getOverview, overviewSchema } from "./get-overview";

// Tokyo is UTC+9: 16:00 UTC on 10 March is 01:00 on 11 March there, so "today" is 11 March.
const TZ = "Asia/Tokyo";
const NOW = new Date("2026-03-10T16:00:00Z");

describe.each(ENGINES)("the overview (%s)", (engine) => {
  let database: TestDatabase;
  const ws = randomUUID();
  const other = randomUUID();
  const users = { viewer: randomUUID(), outsider: randomUUID() };
  const a = { grower: randomUUID(), loser: randomUUID(), stale: randomUUID(), paused: randomUUID(), never: randomUUID(), failing: randomUUID() };
  const p = { today: randomUUID(), steady: randomUUID(), failedToday: randomUUID(), failedBefore: randomUUID(), gap: randomUUID(), stale: randomUUID() };
  const run = (text: string, values: unknown[] = []) => database.connection.runner.query(text, values);
  const overview = (user: string) => runAsUser(database.connection, { sub: user } satisfies UserClaims, (tx: Tx) => getOverview(tx, { workspace: { id: ws, timezone: TZ }, now: NOW }));

  const account = (workspace: string, id: string, handle: string, values: Record<string, unknown> = {}) => {
    const row = { id, workspace_id: workspace, platform: "x", handle, ...values };
    const columns = Object.keys(row);
    return run(`insert into accounts (${columns.join(", ")}) values (${columns.map((_, n) => `$${n + 1}`).join(", ")})`, Object.values(row));
  };
  const snapshots = (workspace: string, id: string, days: [string, number, boolean?][]) =>
    run(
      "insert into account_snapshots (account_id, workspace_id, snapshot_date, followers, approximate, source) select $1, $2, d.date::date, d.followers, d.approximate, 'api' from jsonb_to_recordset($3::jsonb) as d(date text, followers bigint, approximate boolean)",
      [id, workspace, JSON.stringify(days.map(([date, followers, approximate = false]) => ({ date, followers, approximate })))],
    );
  let made = 0;
  const post = (workspace: string, id: string, values: Record<string, unknown>) => {
    const postId = `75000000000000000${String(++made).padStart(2, "0")}`;
    const row = { id, workspace_id: workspace, post_id: postId, url: `https://www.tiktok.com/@c/video/${postId}`, status: "scraped", created_at: "2026-03-01T00:00:00Z", ...values };
    const columns = Object.keys(row);
    return run(`insert into tiktok_posts (${columns.join(", ")}) values (${columns.map((_, n) => `$${n + 1}`).join(", ")})`, Object.values(row));
  };
  const stats = (workspace: string, id: string, days: [string, number][]) =>
    run(
      "insert into tiktok_post_stats (post_id, workspace_id, date, views) select $1, $2, d.date::date, d.views from jsonb_to_recordset($3::jsonb) as d(date text, views bigint)",
      [id, workspace, JSON.stringify(days.map(([date, views]) => ({ date, views })))],
    );

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    for (const user of Object.values(users)) await run("insert into auth.users (id, email) values ($1, $2)", [user, `${user}@example.test`]);
    await run("insert into workspaces (id, slug, name, timezone) values ($1, $2, 'A', $3), ($4, $5, 'B', 'UTC')", [ws, `a-${ws.slice(0, 8)}`, TZ, other, `b-${other.slice(0, 8)}`]);
    await run("insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'viewer'), ($3, $4, 'admin')", [ws, users.viewer, other, users.outsider]);
    await account(ws, a.grower, "grower");
    await snapshots(ws, a.grower, [["2026-02-09", 1000], ["2026-03-04", 1500], ["2026-03-11", 2000]]);
    await account(ws, a.loser, "loser");
    await snapshots(ws, a.loser, [["2026-03-03", 800], ["2026-03-10", 700]]);
    // The biggest 7-day gain, but its latest snapshot (7 March) is four days old: stale, not a gainer.
    await account(ws, a.stale, "stale");
    await snapshots(ws, a.stale, [["2026-02-28", 5000], ["2026-03-07", 9000]]);
    await account(ws, a.paused, "paused", { active: false });
    await snapshots(ws, a.paused, [["2026-03-04", 90000], ["2026-03-11", 100000]]);
    await account(ws, a.never, "never");
    await account(ws, a.failing, "failing", { health_status: "failing", last_error_code: "blocked", last_error_at: "2026-03-10T15:00:00Z" });
    await snapshots(ws, a.failing, [["2026-03-10", 300, true]]);

    // Added at 00:30 on 11 March in Tokyo (15:30 UTC on the 10th): new today, gaining from zero.
    await post(ws, p.today, { created_at: "2026-03-10T15:30:00Z", posted_at: "2026-03-10T15:00:00Z", views: 500, va: "Mia" });
    await stats(ws, p.today, [["2026-03-11", 500]]);
    await post(ws, p.steady, { posted_at: "2026-03-01T03:00:00Z", views: 1600, va: "Leo", creator: "ana" });
    await stats(ws, p.steady, [["2026-03-03", 200], ["2026-03-09", 1000], ["2026-03-11", 1600]]);
    // Added at 23:30 on 10 March in Tokyo: not new today; it failed at 01:30 on the 11th: a failure today.
    await post(ws, p.failedToday, { created_at: "2026-03-10T14:30:00Z", status: "failed", last_error_code: "post_unavailable", last_error_at: "2026-03-10T16:30:00Z" });
    await post(ws, p.failedBefore, { status: "failed", last_error_code: "rate_limited", last_error_at: "2026-03-09T00:00:00Z" });
    // A 19-day gap before today's reading, and posted long ago: today's gain is unknown, not counted.
    await post(ws, p.gap, { posted_at: "2026-01-01T00:00:00Z", views: 900 });
    await stats(ws, p.gap, [["2026-02-20", 100], ["2026-03-11", 900]]);
    // Gained 10,000 in the week to 8 March, and not scraped since: not a top post of this week.
    await post(ws, p.stale, { posted_at: "2026-02-01T00:00:00Z", views: 10100 });
    await stats(ws, p.stale, [["2026-03-01", 100], ["2026-03-08", 10100]]);

    await run(
      `insert into job_runs (workspace_id, kind, status, trigger, created_at, finished_at, progress_done, progress_total) values
       ($1, 'accounts.snapshot', 'succeeded', 'cron', '2026-03-10T12:00:00Z', '2026-03-10T12:05:00Z', 5, 5),
       ($1, 'posts.pipeline', 'running', 'manual', '2026-03-10T15:45:00Z', null, 2, 6),
       ($2, 'posts.pipeline', 'failed', 'manual', '2026-03-10T15:50:00Z', null, 0, 1)`,
      [ws, other],
    );
    const elsewhere = randomUUID();
    await account(other, elsewhere, "elsewhere");
    await snapshots(other, elsewhere, [["2026-03-11", 777]]);
    await post(other, randomUUID(), { status: "failed", last_error_at: "2026-03-10T16:30:00Z" });
  });
  afterAll(async () => {
    await database.drop();
  });

  it("counts active accounts, their fresh growth and today's pipeline at the workspace's day boundary", async () => {
    const result = overviewSchema.parse(await overview(users.viewer));
    expect(result.today).toBe("2026-03-11");
    expect(result.accounts).toEqual({ active: 5, all: 6, stale: 1, neverScraped: 1, failing: 1 });
    expect(result.followers).toMatchObject({ asOf: "2026-03-11", total: 3000, accounts: 3, approximate: true, change7d: 400, change30d: 1000 });
    expect(result.gainers.map((row) => [row.handle, row.change7d, row.followers])).toEqual([["grower", 500, 2000]]);
    expect(result.losers.map((row) => [row.handle, row.change7d])).toEqual([["loser", -100]]);
    expect(result.failingAccounts).toEqual([{ id: a.failing, platform: "x", handle: "failing", lastErrorCode: "blocked", lastErrorAt: "2026-03-10T15:00:00Z" }]);
    expect(result.posts).toEqual({ all: 6, scraped: 4, failed: 2 });
    expect(result.failingPosts.map((row) => [row.id, row.lastErrorCode, row.lastErrorAt])).toEqual([
      [p.failedToday, "post_unavailable", "2026-03-10T16:30:00Z"],
      [p.failedBefore, "rate_limited", "2026-03-09T00:00:00Z"],
    ]);
    expect(result.pipelineToday).toEqual({ newPosts: 1, viewsGained: 1100, failures: 1 });
    expect(result.topPosts.map((row) => [row.id, row.viewsGained7d])).toEqual([[p.steady, 1400], [p.today, 500]]);
    expect(result.runs.map((row) => [row.kind, row.status, row.createdAt])).toEqual([
      ["posts.pipeline", "running", "2026-03-10T15:45:00Z"],
      ["accounts.snapshot", "succeeded", "2026-03-10T12:00:00Z"],
    ]);
  });

  it("charts 30 days of totals from the rollup: a reading counts for two more days, then the day is a gap", async () => {
    const { daily } = (await overview(users.viewer)).followers;
    expect(daily).toHaveLength(30);
    expect(daily[0]).toEqual({ date: "2026-02-10", followers: 1000, accounts: 1, approximate: false });
    const shown = Object.fromEntries(daily.filter((point) => point.date >= "2026-02-27").map((point) => [point.date, point.followers]));
    expect(shown).toEqual({
      "2026-02-27": null,
      "2026-02-28": 5000,
      "2026-03-01": 5000,
      "2026-03-02": 5000,
      "2026-03-03": 800,
      "2026-03-04": 2300,
      "2026-03-05": 2300,
      "2026-03-06": 1500,
      "2026-03-07": 9000,
      "2026-03-08": 9000,
      "2026-03-09": 9000,
      "2026-03-10": 1000,
      "2026-03-11": 3000,
    });
    expect(daily.find((point) => point.date === "2026-02-12")?.followers).toBeNull();
  });

  it("keeps the rollup current when an account is resumed, paused or loses a snapshot", async () => {
    const total = async () => (await overview(users.viewer)).followers.total;
    await run("update accounts set active = true where id = $1", [a.paused]);
    expect(await total()).toBe(103000);
    await run("update accounts set active = false where id = $1", [a.paused]);
    expect(await total()).toBe(3000);
    await run("delete from account_snapshots where account_id = $1 and snapshot_date = '2026-03-11'", [a.grower]);
    // Without 11 March, the grower's 4 March reading is a week old: today counts the loser and the failing account.
    expect(await total()).toBe(1000);
    await snapshots(ws, a.grower, [["2026-03-11", 2000]]);
    expect(await total()).toBe(3000);
  });

  it("another workspace sees nothing of it", async () => {
    const result = await overview(users.outsider);
    expect(result.accounts).toEqual({ active: 0, all: 0, stale: 0, neverScraped: 0, failing: 0 });
    expect(result.followers.total).toBeNull();
    expect(result.followers.daily.every((point) => point.followers === null)).toBe(true);
    expect([result.gainers, result.losers, result.failingAccounts, result.failingPosts, result.topPosts, result.runs]).toEqual([[], [], [], [], [], []]);
    expect(result.pipelineToday).toEqual({ newPosts: 0, viewsGained: null, failures: 0 });
  });
});
