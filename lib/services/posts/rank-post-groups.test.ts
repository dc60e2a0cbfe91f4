import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db/client";
import { runAsUser, type UserClaims } from "@/lib/db/rls";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";
import { rankPostGroups, type LeaderboardQuery } from "./rank-post-groups";

const TZ = "America/Los_Angeles";
const PERIOD = { from: "2026-03-04", to: "2026-03-10" };

describe.each(ENGINES)("leaderboards by VA, creator and set (%s)", (engine) => {
  let database: TestDatabase;
  const ws = randomUUID();
  const other = randomUUID();
  const users = { viewer: randomUUID(), outsider: randomUUID() };
  const ids = { a1: randomUUID(), a2: randomUUID(), a3: randomUUID(), a4: randomUUID(), a5: randomUUID(), a6: randomUUID() };
  const run = (text: string, values: unknown[] = []) => database.connection.runner.query(text, values);
  let made = 0;
  const rank = (user: string, query: Partial<LeaderboardQuery> = {}) =>
    runAsUser(database.connection, { sub: user } satisfies UserClaims, (tx: Tx) => rankPostGroups(tx, { workspace: { id: ws, timezone: TZ }, query: { by: "va", ...PERIOD, ...query } }));

  const post = (workspace: string, id: string, values: Record<string, unknown>) => {
    const postId = `74000000000000000${String(++made).padStart(2, "0")}`;
    const row = { id, workspace_id: workspace, post_id: postId, url: `https://www.tiktok.com/@c/video/${postId}`, status: "scraped", ...values };
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
    // a1: posted 5 March; a gap from 7 to 9 March: the 10 March reading gains over the gap.
    await post(ws, ids.a1, { va: "Mia", creator: "ana", set_id: "S1", is_slideshow: true, posted_at: "2026-03-05T20:00:00Z", views: 1000, likes: 100, comments: 10, shares: 5, saves: 5 });
    await stats(ws, ids.a1, [["2026-03-05", 400], ["2026-03-06", 700], ["2026-03-10", 1000]]);
    // a2: 07:30 UTC on 4 March is 23:30 on 3 March in Los Angeles: posted before the period, gaining in it.
    await post(ws, ids.a2, { va: "Mia", creator: "bo", set_id: "S2", is_slideshow: false, posted_at: "2026-03-04T07:30:00Z", views: 500 });
    await stats(ws, ids.a2, [["2026-03-03", 100], ["2026-03-04", 300], ["2026-03-05", 500]]);
    // a3: 00:30 on 10 March in Los Angeles, the period's last day; likes not reported.
    await post(ws, ids.a3, { va: "Leo", creator: "ana", set_id: "S1", is_slideshow: true, posted_at: "2026-03-10T07:30:00Z", views: 50, comments: 1, shares: 1, saves: 1 });
    await stats(ws, ids.a3, [["2026-03-10", 50]]);
    // a4: a 16-day gap before 8 March: that reading's gain is unknown, not counted.
    await post(ws, ids.a4, { va: "Leo", creator: "bo", set_id: "S2", is_slideshow: false, posted_at: "2026-02-01T20:00:00Z", views: 1200 });
    await stats(ws, ids.a4, [["2026-02-20", 900], ["2026-03-08", 1200]]);
    // a5: not scraped yet; a6: no VA.
    await post(ws, ids.a5, { va: "Mia", creator: "cy", set_id: "S3", status: "pending", posted_at: "2026-03-06T20:00:00Z" });
    await post(ws, ids.a6, { va: null, creator: "cy", set_id: "S3", is_slideshow: false, posted_at: "2026-03-07T20:00:00Z", views: 10 });
    const elsewhere = randomUUID();
    await post(other, elsewhere, { va: "Mia", is_slideshow: true, posted_at: "2026-03-05T20:00:00Z", views: 99999 });
    await stats(other, elsewhere, [["2026-03-05", 99999]]);
  });
  afterAll(async () => {
    await database.drop();
  });

  it("sums posts, views, medians, engagement and gains per VA at the workspace's day boundaries", async () => {
    const rows = await rank(users.viewer);
    expect(rows.map(({ daily: _daily, ...row }) => row)).toEqual([
      {
        key: "Mia",
        posts: 2,
        slideshows: 1,
        videos: 0,
        views: 1000,
        medianViews: 1000,
        viewsGained: 1400,
        engagementRate: 0.12,
        topPost: { id: ids.a1, postId: expect.any(String), views: 1000, hasThumbnail: false },
      },
      { key: "Leo", posts: 1, slideshows: 1, videos: 0, views: 50, medianViews: 50, viewsGained: 50, engagementRate: null, topPost: { id: ids.a3, postId: expect.any(String), views: 50, hasThumbnail: false } },
      { key: null, posts: 1, slideshows: 0, videos: 1, views: 10, medianViews: 10, viewsGained: 0, engagementRate: null, topPost: { id: ids.a6, postId: expect.any(String), views: 10, hasThumbnail: false } },
    ]);
    expect(rows[0]?.daily).toEqual([
      { date: "2026-03-04", gained: 200 },
      { date: "2026-03-05", gained: 600 },
      { date: "2026-03-06", gained: 300 },
      { date: "2026-03-07", gained: 0 },
      { date: "2026-03-08", gained: 0 },
      { date: "2026-03-09", gained: 0 },
      { date: "2026-03-10", gained: 300 },
    ]);
  });

  it("reads a whole week (Monday 2 to Sunday 8 March) from the weekly rollups, and its days the same way", async () => {
    const week = await rank(users.viewer, { from: "2026-03-02", to: "2026-03-08" });
    const mia = { key: "Mia", posts: 3, slideshows: 1, videos: 1, views: 1500, medianViews: 750, viewsGained: 1200 };
    expect(week.find((row) => row.key === "Mia")).toMatchObject(mia);
    expect(week.find((row) => row.key === "Mia")?.daily.map((day) => day.gained)).toEqual([0, 100, 200, 600, 300, 0, 0]);
    // Tuesday 3 to Monday 9 March holds the same posts and gains but no whole week: all from the day rows.
    const days = await rank(users.viewer, { from: "2026-03-03", to: "2026-03-09" });
    expect(days.find((row) => row.key === "Mia")).toMatchObject(mia);
    // Saturday 28 February to Tuesday 10 March: two head days, the whole week, two tail days, each on its date.
    const mixed = await rank(users.viewer, { from: "2026-02-28", to: "2026-03-10" });
    expect(mixed.find((row) => row.key === "Mia")?.daily.map((day) => [day.date.slice(5), day.gained])).toEqual([
      ["02-28", 0], ["03-01", 0], ["03-02", 0], ["03-03", 100], ["03-04", 200], ["03-05", 600], ["03-06", 300], ["03-07", 0], ["03-08", 0], ["03-09", 0], ["03-10", 300],
    ]);
  });

  it("groups by creator and by set; a one-day period counts that day only", async () => {
    const creators = await rank(users.viewer, { by: "creator" });
    expect(creators.map((row) => [row.key, row.posts, row.viewsGained])).toEqual([
      ["ana", 2, 1050],
      ["bo", 0, 400],
      ["cy", 2, 0],
    ]);
    const sets = await rank(users.viewer, { by: "set", from: "2026-03-10", to: "2026-03-10" });
    expect(sets.map((row) => [row.key, row.posts, row.viewsGained, row.daily])).toEqual([["S1", 1, 350, [{ date: "2026-03-10", gained: 350 }]]]);
    // Median of two posts: the mean of the middle pair.
    const wide = await rank(users.viewer, { by: "creator", from: "2026-02-01", to: "2026-03-10" });
    // bo's 8 March reading follows one 16 days before, inside this period: too far back to be a day's gain.
    expect(wide.find((row) => row.key === "bo")).toMatchObject({ posts: 2, views: 1700, medianViews: 850, viewsGained: 500 });
  });

  it("another workspace sees nothing; a period that ends before it starts or spans years is refused", async () => {
    expect(await rank(users.outsider)).toEqual([]);
    await expect(rank(users.viewer, { from: "2026-03-10", to: "2026-03-01" })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(rank(users.viewer, { from: "2024-01-01", to: "2026-03-01" })).rejects.toMatchObject({ code: "invalid_input" });
  });
});
