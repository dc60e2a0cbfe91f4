import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db/client";
import { runAsUser, type UserClaims } from "@/lib/db/rls";
import { POST_SORTS, SORT_DIRECTIONS } from "@/lib/domain/posts-explorer";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";
import { getPostDetail } from "./get-post-detail";
import { searchPosts, searchPostsQuerySchema, type PostExplorerRow } from "./search-posts";

// 04:00 on 10 March in Los Angeles: "today" is 2026-03-10 there (and in UTC), "yesterday" 2026-03-09.
const NOW = new Date("2026-03-10T12:00:00Z");
const TZ = "America/Los_Angeles";

describe.each(ENGINES)("the posts explorer's query (%s)", (engine) => {
  let database: TestDatabase;
  const ws = randomUUID();
  const other = randomUUID();
  const users = { viewer: randomUUID(), outsider: randomUUID() };
  const ids = { p1: randomUUID(), p2: randomUUID(), p3: randomUUID(), p4: randomUUID(), p5: randomUUID(), p6: randomUUID() };
  const scope = { workspaceId: ws, timezone: TZ, now: NOW };
  const run = (text: string, values: unknown[] = []) => database.connection.runner.query(text, values);
  const as = <T,>(user: string, fn: (tx: Tx) => Promise<T>) => runAsUser(database.connection, { sub: user } satisfies UserClaims, fn);
  const search = (user: string, query: Record<string, unknown> = {}) => as(user, (tx) => searchPosts(tx, { scope, query: searchPostsQuerySchema.parse(query) }));
  const idsOf = (rows: PostExplorerRow[]) => rows.map((row) => row.id);

  const post = (id: string, values: Record<string, unknown>) => {
    const row = { id, workspace_id: ws, post_id: `73${id.replaceAll(/\D/g, "").padEnd(17, "0").slice(0, 17)}`, url: `https://www.tiktok.com/@c/video/${id}`, ...values };
    const columns = Object.keys(row);
    return run(`insert into tiktok_posts (${columns.join(", ")}) values (${columns.map((_, n) => `$${n + 1}`).join(", ")})`, Object.values(row));
  };
  const stats = (id: string, days: [string, number | null][]) =>
    run(
      "insert into tiktok_post_stats (post_id, workspace_id, date, views) select $1, $2, d.date::date, d.views from jsonb_to_recordset($3::jsonb) as d(date text, views bigint)",
      [id, ws, JSON.stringify(days.map(([date, views]) => ({ date, views })))],
    );
  const metrics = { status: "scraped", views: 1000, likes: 100, comments: 10, shares: 5, saves: 5 };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    for (const user of Object.values(users)) await run("insert into auth.users (id, email) values ($1, $2)", [user, `${user}@example.test`]);
    await run("insert into workspaces (id, slug, name, timezone) values ($1, $2, 'A', $3), ($4, $5, 'B', 'UTC')", [ws, `a-${ws.slice(0, 8)}`, TZ, other, `b-${other.slice(0, 8)}`]);
    await run("insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'viewer'), ($3, $4, 'admin')", [ws, users.viewer, other, users.outsider]);
    // p1: scraped daily for ten days, 100 more views each day.
    await post(ids.p1, { ...metrics, va: "Mia", creator: "ana", set_id: "SET-1", is_slideshow: true, slide_count: 5, posted_at: "2026-03-01T20:00:00Z", caption: "Morning routine", hashtags: ["skincare", "fyp"] });
    await stats(ids.p1, Array.from({ length: 10 }, (_, n) => [`2026-03-${String(n + 1).padStart(2, "0")}`, 100 * (n + 1)] as [string, number]));
    // p2: posted at 10:00 on 9 March in Los Angeles; its 7-day gain starts from zero.
    await post(ids.p2, { ...metrics, views: 80, likes: 8, comments: 0, shares: 0, saves: 0, va: "Mia", creator: "bo", set_id: "SET-2", is_slideshow: false, posted_at: "2026-03-09T18:00:00Z", hashtags: ["Skincare"] });
    await stats(ids.p2, [["2026-03-09", 50], ["2026-03-10", 80]]);
    // p3: 06:30 UTC on 10 March is 23:30 on 9 March in Los Angeles: it existed yesterday there, but
    // was first scraped today, so its 24-hour gain is unknown (in UTC it would be all 500 views).
    await post(ids.p3, { ...metrics, views: 500, likes: null, va: "Leo", creator: "ana", set_id: "SET-1", is_slideshow: true, slide_count: 3, posted_at: "2026-03-10T06:30:00Z" });
    await stats(ids.p3, [["2026-03-10", 500]]);
    // p4: last scraped on 20 February: its gains are stale, so not reported.
    await post(ids.p4, { ...metrics, views: 4000, va: "Leo", creator: "bo", set_id: "SET-2", is_slideshow: false, posted_at: "2026-02-01T20:00:00Z", caption: "Old but #gold" });
    await stats(ids.p4, [["2026-02-12", 1000], ["2026-02-19", 3000], ["2026-02-20", 4000]]);
    // p5: from the sheet, not scraped yet; p6: views not reported.
    await post(ids.p5, { va: "Mia", creator: "cy", post_type: "Slideshow", status: "pending" });
    await post(ids.p6, { ...metrics, views: null, va: "Mia", creator: "cy", is_slideshow: false, posted_at: "2026-03-05T20:00:00Z", status: "failed", last_error: "TikTok says the post is private." });
    await run("insert into tiktok_posts (workspace_id, post_id, url) values ($1, '7399', 'https://www.tiktok.com/@x/video/7399')", [other]);
  });
  afterAll(async () => {
    await database.drop();
  });

  it("computes engagement and the 24-hour and 7-day gains at the workspace's day boundaries", async () => {
    const { data } = await search(users.viewer);
    const byId = new Map(data.map((row) => [row.id, row]));
    const pick = (id: string) => {
      const row = byId.get(id);
      return row && { engagementRate: row.engagementRate, viewsGained24h: row.viewsGained24h, viewsGained7d: row.viewsGained7d, type: row.type };
    };
    expect(pick(ids.p1)).toEqual({ engagementRate: 0.12, viewsGained24h: 100, viewsGained7d: 700, type: "slideshow" });
    expect(pick(ids.p2)).toEqual({ engagementRate: 0.1, viewsGained24h: 30, viewsGained7d: 80, type: "video" });
    expect(pick(ids.p3)).toEqual({ engagementRate: null, viewsGained24h: null, viewsGained7d: 500, type: "slideshow" });
    expect(pick(ids.p4)).toEqual({ engagementRate: 0.03, viewsGained24h: null, viewsGained7d: null, type: "video" });
    expect(pick(ids.p5)).toEqual({ engagementRate: null, viewsGained24h: null, viewsGained7d: null, type: "slideshow" });
    expect(pick(ids.p6)).toEqual({ engagementRate: null, viewsGained24h: null, viewsGained7d: null, type: "video" });
    // Newest first; the post never posted comes last.
    expect(idsOf(data)).toEqual([ids.p3, ids.p2, ids.p6, ids.p1, ids.p4, ids.p5]);
    expect(byId.get(ids.p6)?.lastError).toBe("TikTok says the post is private.");
  });

  it("filters by VA, creator, set, type, status, posted days in the workspace's timezone, and caption or hashtag", async () => {
    const only = async (query: Record<string, unknown>) => idsOf((await search(users.viewer, query)).data).sort();
    const sorted = (...list: string[]) => [...list].sort();
    expect(await only({ va: "Mia" })).toEqual(sorted(ids.p1, ids.p2, ids.p5, ids.p6));
    expect(await only({ creator: "ana" })).toEqual(sorted(ids.p1, ids.p3));
    expect(await only({ set: "SET-2", va: "Leo" })).toEqual([ids.p4]);
    expect(await only({ type: "slideshow" })).toEqual(sorted(ids.p1, ids.p3, ids.p5));
    expect(await only({ status: "failed" })).toEqual([ids.p6]);
    expect(await only({ from: "2026-03-09", to: "2026-03-09" })).toEqual(sorted(ids.p2, ids.p3));
    expect(await only({ to: "2026-03-08" })).toEqual(sorted(ids.p1, ids.p4, ids.p6));
    expect(await only({ q: "#skincare" })).toEqual(sorted(ids.p1, ids.p2));
    expect(await only({ q: "gold" })).toEqual([ids.p4]);
    expect(await only({ q: "100%" })).toEqual([]);
  });

  it("pages by cursor through every post exactly once, under every sort and direction", async () => {
    const extra = Array.from({ length: 23 }, () => randomUUID());
    for (const [n, id] of extra.entries()) {
      // Many ties and gaps, so the id breaks ties and not-reported values sort together.
      await post(id, {
        status: "scraped",
        va: "Tie",
        views: n % 4 === 0 ? null : 100 * (n % 3),
        likes: n % 5 === 0 ? null : 7,
        comments: 1,
        shares: 1,
        saves: 1,
        slide_count: n % 2 ? 4 : null,
        posted_at: n % 6 === 0 ? null : `2026-03-0${1 + (n % 3)}T12:00:00Z`,
        // Gains as the stats triggers keep them: fresh (yesterday, today, a day ahead), stale, never scraped.
        stats_date: n % 7 === 0 ? null : n % 5 === 1 ? "2026-02-20" : n % 11 === 2 ? "2026-03-11" : n % 3 === 0 ? "2026-03-09" : "2026-03-10",
        views_gained_1d: n % 4 === 3 ? null : n % 8 === 5 ? -20 : 10 * (n % 3),
        views_gained_7d: n % 6 === 4 ? null : 5 * (n % 4),
      });
    }
    for (const sort of POST_SORTS) {
      for (const dir of SORT_DIRECTIONS) {
        const whole = idsOf((await search(users.viewer, { va: "Tie", sort, dir, limit: 200 })).data);
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await search(users.viewer, { va: "Tie", sort, dir, limit: 4, cursor });
          seen.push(...idsOf(page.data));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(seen, `${sort} ${dir}`).toEqual(whole);
        expect(new Set(seen).size, `${sort} ${dir}`).toBe(extra.length);
      }
    }
    // The gain sorts, read in steps, against their order worked out here: a fresh gain's value, else below every value; ties by id.
    for (const [sort, gainOf] of [["gained24h", (row: PostExplorerRow) => row.viewsGained24h], ["gained7d", (row: PostExplorerRow) => row.viewsGained7d]] as const) {
      const rows = (await search(users.viewer, { va: "Tie", sort, dir: "desc", limit: 200 })).data;
      const expected = [...rows].sort((a, b) => (gainOf(b) ?? -Infinity) - (gainOf(a) ?? -Infinity) || (a.id < b.id ? 1 : -1));
      expect(idsOf(rows), sort).toEqual(idsOf(expected));
      expect(rows.filter((row) => gainOf(row) !== null).length, sort).toBeGreaterThan(5);
      expect(rows.filter((row) => gainOf(row) === null).length, sort).toBeGreaterThan(5);
    }
    const views = (await search(users.viewer, { va: "Tie", sort: "views", dir: "desc", limit: 200 })).data.map((row) => row.views);
    expect(views).toEqual([...views].sort((a, b) => (b ?? -1) - (a ?? -1)));
  });

  it("refuses a cursor it did not give out", async () => {
    await expect(search(users.viewer, { cursor: "bm9wZQ" })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("another workspace sees nothing; the post page reads slides, stats and the sheet row", async () => {
    expect((await search(users.outsider)).data).toEqual([]);
    await expect(as(users.outsider, (tx) => getPostDetail(tx, { scope: { ...scope, workspaceSlug: "a" }, postId: ids.p1 }))).rejects.toMatchObject({ code: "not_found" });
    const sheet = randomUUID();
    await run("insert into sheet_sources (id, workspace_id, spreadsheet_id, tab, name) values ($1, $2, 'sheet-123', 'Posts', 'Team sheet')", [sheet, ws]);
    await run("update tiktok_posts set sheet_source = $1, sheet_row = 12 where id = $2", [sheet, ids.p1]);
    await run("insert into tiktok_slides (post_id, workspace_id, slide_index, storage_path, bytes) values ($1, $2, 1, 'x/1.png', 20), ($1, $2, 0, 'x/0.png', 10), ($1, $2, 2, null, null)", [ids.p1, ws]);
    const detail = await as(users.viewer, (tx) => getPostDetail(tx, { scope: { ...scope, workspaceSlug: "a" }, postId: ids.p1 }));
    expect(detail.slides.map((slide) => [slide.index, slide.stored, slide.url])).toEqual([
      [0, true, `/api/v1/workspaces/a/posts/${ids.p1}/slides/0`],
      [1, true, `/api/v1/workspaces/a/posts/${ids.p1}/slides/1`],
      [2, false, null],
    ]);
    expect(detail.stats).toHaveLength(10);
    expect(detail.stats.at(-1)).toEqual({ date: "2026-03-10", views: 1000, likes: null, comments: null, shares: null, saves: null });
    // Connected before gids were stored: the range names the tab. With the gid, the link opens that tab at the row.
    expect(detail.sheet).toEqual({ id: sheet, name: "Team sheet", tab: "Posts", spreadsheetId: "sheet-123", row: 12, url: "https://docs.google.com/spreadsheets/d/sheet-123/edit#range='Posts'!A12" });
    await run("update sheet_sources set tab_gid = 1460112033 where id = $1", [sheet]);
    const withGid = await as(users.viewer, (tx) => getPostDetail(tx, { scope: { ...scope, workspaceSlug: "a" }, postId: ids.p1 }));
    expect(withGid.sheet?.url).toBe("https://docs.google.com/spreadsheets/d/sheet-123/edit#gid=1460112033&range=A12");
    expect(detail.post).toMatchObject({ id: ids.p1, caption: "Morning routine", hashtags: ["skincare", "fyp"], hasThumbnail: true, viewsGained7d: 700 });
  });
});
