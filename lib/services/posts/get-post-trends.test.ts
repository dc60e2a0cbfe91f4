import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db/client";
import { runAsUser, type UserClaims } from "@/lib/db/rls";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";
import { getPostTrends, postTrendsSchema, type TrendsQuery } from "./get-post-trends";

const TZ = "America/Los_Angeles";
const PERIOD = { from: "2026-03-04", to: "2026-03-10" };

describe.each(ENGINES)("post trends (%s)", (engine) => {
  let database: TestDatabase;
  const ws = randomUUID();
  const other = randomUUID();
  const users = { viewer: randomUUID(), outsider: randomUUID() };
  const run = (text: string, values: unknown[] = []) => database.connection.runner.query(text, values);
  let made = 0;
  const trends = (user: string, query: Partial<TrendsQuery> = {}) =>
    runAsUser(database.connection, { sub: user } satisfies UserClaims, (tx: Tx) => getPostTrends(tx, { workspace: { id: ws, timezone: TZ }, query: { by: "va", ...PERIOD, ...query } }));
  const post = async (workspace: string, values: Record<string, unknown>, days: [string, number][] = []) => {
    const id = randomUUID();
    const postId = `76000000000000000${String(++made).padStart(2, "0")}`;
    const row = { id, workspace_id: workspace, post_id: postId, url: `https://www.tiktok.com/@c/video/${postId}`, status: "scraped", ...values };
    const columns = Object.keys(row);
    await run(`insert into tiktok_posts (${columns.join(", ")}) values (${columns.map((_, n) => `$${n + 1}`).join(", ")})`, Object.values(row));
    await run(
      "insert into tiktok_post_stats (post_id, workspace_id, date, views) select $1, $2, d.date::date, d.views from jsonb_to_recordset($3::jsonb) as d(date text, views bigint)",
      [id, workspace, JSON.stringify(days.map(([date, views]) => ({ date, views })))],
    );
  };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    for (const user of Object.values(users)) await run("insert into auth.users (id, email) values ($1, $2)", [user, `${user}@example.test`]);
    await run("insert into workspaces (id, slug, name, timezone) values ($1, $2, 'A', $3), ($4, $5, 'B', 'UTC')", [ws, `a-${ws.slice(0, 8)}`, TZ, other, `b-${other.slice(0, 8)}`]);
    await run("insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'viewer'), ($3, $4, 'admin')", [ws, users.viewer, other, users.outsider]);
    // Five slides, posted 5 March; no scrape from 7 to 9 March.
    await post(ws, { va: "Mia", creator: "ana", is_slideshow: true, slide_count: 5, posted_at: "2026-03-05T20:00:00Z", views: 1000 }, [["2026-03-05", 400], ["2026-03-06", 700], ["2026-03-10", 1000]]);
    // 07:30 UTC on 4 March is 23:30 on 3 March in Los Angeles: posted before the period, gaining in it.
    await post(ws, { va: "Mia", creator: "bo", is_slideshow: false, posted_at: "2026-03-04T07:30:00Z", views: 500 }, [["2026-03-03", 100], ["2026-03-04", 300], ["2026-03-05", 500]]);
    // 00:30 on 10 March in Los Angeles.
    await post(ws, { va: "Leo", creator: "ana", is_slideshow: true, slide_count: 2, posted_at: "2026-03-10T07:30:00Z", views: 50 }, [["2026-03-10", 50]]);
    // A 16-day gap before 8 March: a day with a scrape, whose gain is unknown.
    await post(ws, { va: "Leo", creator: "bo", is_slideshow: false, posted_at: "2026-02-01T20:00:00Z", views: 1200 }, [["2026-02-20", 900], ["2026-03-08", 1200]]);
    await post(ws, { va: "Mia", status: "pending", posted_at: "2026-03-06T20:00:00Z" });
    await post(ws, { va: null, is_slideshow: false, posted_at: "2026-03-07T20:00:00Z", views: 10 });
    await post(ws, { va: "Leo", is_slideshow: true, slide_count: 8, posted_at: "2026-03-09T20:00:00Z", views: 300 });
    await post(other, { va: "Mia", is_slideshow: true, slide_count: 3, posted_at: "2026-03-05T20:00:00Z", views: 99999 }, [["2026-03-05", 99999]]);
  });
  afterAll(async () => {
    await database.drop();
  });

  it("stacks views gained per day by VA, with gaps on days nothing was scraped", async () => {
    const result = postTrendsSchema.parse(await trends(users.viewer));
    expect(result.days).toEqual(["2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"]);
    expect(result.gained).toEqual([
      { key: "Mia", other: false, total: 1400, daily: [200, 600, 300, null, 0, null, 300] },
      { key: "Leo", other: false, total: 50, daily: [0, 0, 0, null, 0, null, 50] },
    ]);
  });

  it("counts posts published per day and compares slideshows with videos in the workspace's days", async () => {
    const result = await trends(users.viewer);
    expect(result.published.map((day) => [day.date, day.slideshows, day.videos, day.unknown])).toEqual([
      ["2026-03-04", 0, 0, 0],
      ["2026-03-05", 1, 0, 0],
      ["2026-03-06", 0, 0, 1],
      ["2026-03-07", 0, 1, 0],
      ["2026-03-08", 0, 0, 0],
      ["2026-03-09", 1, 0, 0],
      ["2026-03-10", 1, 0, 0],
    ]);
    expect(result.slideshowVsVideo).toEqual({
      slideshow: { posts: 3, views: 1350, medianViews: 300, viewsGained: 1050 },
      video: { posts: 1, views: 10, medianViews: 10, viewsGained: 400 },
    });
    expect(result.bySlideCount).toEqual([
      { bucket: "1–3", posts: 1, medianViews: 50 },
      { bucket: "4–6", posts: 1, medianViews: 1000 },
      { bucket: "7+", posts: 1, medianViews: 300 },
    ]);
  });

  it("totals a period of whole weeks and end days as the sum of its days (weeks come from the weekly rollup)", async () => {
    // Wednesday 25 February to Tuesday 10 March: the week of Monday 2 March is read whole.
    const result = await trends(users.viewer, { from: "2026-02-25", to: "2026-03-10" });
    expect(result.gained.map(({ key, total }) => [key, total])).toEqual([["Mia", 1500], ["Leo", 50]]);
    for (const series of result.gained) expect(series.total).toBe(series.daily.reduce<number>((sum, gained) => sum + (gained ?? 0), 0));
  });

  it("groups by creator; another workspace sees nothing; a bad period is refused", async () => {
    const creators = await trends(users.viewer, { by: "creator" });
    expect(creators.gained.map((series) => [series.key, series.total])).toEqual([["ana", 1050], ["bo", 400]]);
    const outside = await trends(users.outsider);
    expect(outside.gained).toEqual([]);
    expect(outside.published.every((day) => day.slideshows + day.videos + day.unknown === 0)).toBe(true);
    expect(outside.bySlideCount.every((bucket) => bucket.posts === 0 && bucket.medianViews === null)).toBe(true);
    await expect(trends(users.viewer, { from: "2026-03-10", to: "2026-03-01" })).rejects.toMatchObject({ code: "invalid_input" });
  });
});
