import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { untilWaitingOnLock } from "@/tests/lock-wait";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";
import { GROUP_POSTED_DAYS_ORACLE, GROUP_POSTED_DAYS_STORED, GROUP_POSTED_WEEKS_ORACLE, GROUP_POSTED_WEEKS_STORED } from "@/tests/group-posted-days-oracle";

type Row = Record<string, unknown>;

describe.each(ENGINES)("posted-days rollup maintained by triggers on %s", (engine) => {
  let db: TestDatabase;
  const ws = randomUUID();
  const other = randomUUID();
  const run = <T extends Row>(text: string, params: unknown[] = []) => db.connection.runner.query<T>(text, params);

  /** The rollup, days and weeks, against the same figures summed from the workspace's posts. */
  const compare = async (workspace = ws) => {
    const stored = await run(GROUP_POSTED_DAYS_STORED, [workspace]);
    expect(stored).toEqual(await run(GROUP_POSTED_DAYS_ORACLE, [workspace]));
    expect(await run(GROUP_POSTED_WEEKS_STORED, [workspace])).toEqual(await run(GROUP_POSTED_WEEKS_ORACLE, [workspace]));
    return stored;
  };
  const group = async (dimension: string, key: string | null) =>
    (
      await run<{ posts: number; views: number; view_list: string; top_id: string | null }>(
        "select sum(posts)::int as posts, sum(views)::float8 as views, string_agg(view_list::text, ' ' order by date) as view_list, max(top_id::text) as top_id from tiktok_group_posted_days where workspace_id = $1 and dimension = $2 and key is not distinct from $3",
        [ws, dimension, key],
      )
    )[0];

  let made = 0;
  type PostValues = { va?: string | null; creator?: string | null; set_id?: string | null; is_slideshow?: boolean | null; slide_count?: number | null; posted_at?: string | null; views?: number | null; likes?: number | null };
  /** Posts inserted in one statement; their ids in order. */
  const posts = async (values: PostValues[], workspace = ws) => {
    const rows = values.map((value) => ({ id: randomUUID(), post_id: `78000000000000${String(++made).padStart(3, "0")}`, ...value }));
    await run(
      `insert into tiktok_posts (id, workspace_id, post_id, url, va, creator, set_id, is_slideshow, slide_count, posted_at, views, likes, comments, shares, saves)
       select r.id, $1, r.post_id, 'https://www.tiktok.com/@c/video/' || r.post_id, r.va, r.creator, r.set_id, r.is_slideshow, r.slide_count, r.posted_at,
         r.views, r.likes, case when r.likes is not null then 1 end, case when r.likes is not null then 2 end, case when r.likes is not null then 3 end
       from jsonb_to_recordset($2::jsonb) as r(id uuid, post_id text, va text, creator text, set_id text, is_slideshow boolean, slide_count int, posted_at timestamptz, views bigint, likes bigint)`,
      [workspace, JSON.stringify(rows)],
    );
    return rows.map((row) => row.id);
  };

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await run("insert into workspaces (id, slug, name, timezone) values ($1, $2, 'A', 'America/New_York'), ($3, $4, 'B', 'UTC')", [
      ws,
      `a-${ws.slice(0, 8)}`,
      other,
      `b-${other.slice(0, 8)}`,
    ]);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("sums the posts of each posted day and group, with every views value and the top post", async () => {
    // 02:00 UTC on 2 March is 1 March in New York.
    const [a, b, , d] = await posts([
      { va: "Mia", creator: "ana", set_id: "S1", is_slideshow: true, slide_count: 5, posted_at: "2026-03-02T02:00:00Z", views: 500, likes: 94 },
      { va: "Mia", creator: "bo", set_id: "S1", is_slideshow: true, slide_count: 2, posted_at: "2026-03-01T12:00:00Z", views: 500, likes: 10 },
      { va: "Mia", creator: "bo", set_id: "S2", is_slideshow: false, posted_at: "2026-03-01T15:00:00Z", views: 90 },
      // Not scraped yet: counted as a post, neither type, no views.
      { va: "Leo", creator: null, set_id: "S2", posted_at: "2026-03-01T16:00:00Z" },
      // Not posted (no date): in no day.
      { va: "Leo", creator: "ana", views: 7 },
    ]);
    const stored = await compare();
    expect(stored.filter((row) => row.dimension === "va")).toEqual([
      expect.objectContaining({ key: "Leo", date: "2026-03-01", posts: 1, slideshows: 0, videos: 0, views: 0, view_list: "{}", engagement_posts: 0, top_id: d, top_views: null }),
      expect.objectContaining({ key: "Mia", date: "2026-03-01", posts: 3, slideshows: 2, videos: 1, views: 1090, view_list: "{90,500,500}", engagement_posts: 2 }),
    ]);
    // Ties on views go to the smaller id, as the leaderboard's top post.
    expect((await group("va", "Mia"))?.top_id).toBe([a, b].sort()[0]);
    expect(stored.filter((row) => row.dimension === "slides").map((row) => [row.key, row.posts])).toEqual([
      ["1–3", 1],
      ["4–6", 1],
    ]);
  });

  it("follows updates of views, engagement, groups, type and posting date, and ignores other columns", async () => {
    const [a, b] = await posts([
      { va: "Ivy", creator: "cy", set_id: "S3", is_slideshow: true, slide_count: 8, posted_at: "2026-03-05T12:00:00Z", views: 100, likes: 4 },
      { va: "Ivy", creator: "cy", set_id: "S3", is_slideshow: false, posted_at: "2026-03-05T13:00:00Z", views: 300 },
    ]);
    await run("update tiktok_posts set views = 1000, likes = 50 where id = $1", [a]);
    expect(await group("va", "Ivy")).toMatchObject({ posts: 2, views: 1300, view_list: "{300,1000}", top_id: a });
    await compare();
    await run("update tiktok_posts set va = 'Zed', set_id = 'S9', creator = null where id = $1", [a]);
    expect(await group("va", "Ivy")).toMatchObject({ posts: 1, views: 300, top_id: b });
    await compare();
    await run("update tiktok_posts set is_slideshow = true, slide_count = 4 where id = $1", [b]);
    await compare();
    // A new posting date moves the post to another day; no date takes it out.
    await run("update tiktok_posts set posted_at = '2026-03-07T12:00:00Z' where id = $1", [b]);
    await compare();
    await run("update tiktok_posts set posted_at = null where id = $1", [a]);
    expect(await group("va", "Zed")).toEqual({ posts: null, views: null, view_list: null, top_id: null });
    await compare();
    // Several posts in one statement, and columns the rollup does not read.
    await run("update tiktok_posts set views = views + 1, status = 'scraped' where workspace_id = $1 and va in ('Mia', 'Ivy')", [ws]);
    await run("update tiktok_posts set caption = 'x', status = 'failed' where id = $1", [b]);
    await compare();
  });

  // Migration 20261206100000 applies each statement as deltas: these are the cases a delta can get wrong.
  it("keeps duplicate and missing views values exact as posts change, move and leave", async () => {
    const day = "2026-03-14T15:00:00Z";
    const [a, b, c, d] = await posts([
      { va: "Dup", set_id: "D1", is_slideshow: true, slide_count: 2, posted_at: day, views: 50, likes: 5 },
      { va: "Dup", set_id: "D1", is_slideshow: true, slide_count: 2, posted_at: day, views: 50, likes: 6 },
      { va: "Dup", set_id: "D1", is_slideshow: false, posted_at: day, views: 50 },
      { va: "Dup", set_id: "D2", posted_at: day },
    ]);
    expect(await group("va", "Dup")).toMatchObject({ posts: 4, view_list: "{50,50,50}" });
    // One of three equal values changes, then comes back: one occurrence leaves and enters each time.
    await run("update tiktok_posts set views = 70 where id = $1", [b]);
    expect(await group("va", "Dup")).toMatchObject({ view_list: "{50,50,70}", top_id: b });
    await compare();
    await run("update tiktok_posts set views = 50 where id = $1", [b]);
    expect(await group("va", "Dup")).toMatchObject({ view_list: "{50,50,50}" });
    await compare();
    // Views reported, then gone again: a null is in no list and no sum.
    await run("update tiktok_posts set views = 50 where id = $1", [d]);
    expect(await group("va", "Dup")).toMatchObject({ views: 200, view_list: "{50,50,50,50}" });
    await run("update tiktok_posts set views = null, likes = null where id = any ($1::uuid[])", [[c, d]]);
    expect(await group("va", "Dup")).toMatchObject({ posts: 4, views: 100, view_list: "{50,50}" });
    await compare();
    // Moves: to a set with no post that day (a new group-day), and the last post of a set-day leaving it (the row goes).
    await run("update tiktok_posts set set_id = 'D3' where id = $1", [a]);
    await run("update tiktok_posts set set_id = 'D1', posted_at = '2026-03-15T15:00:00Z' where id = $1", [d]);
    expect(await group("set", "D2")).toMatchObject({ posts: null });
    await compare();
    // A statement that moves one post into a group-day and another out, and swaps two posts' views.
    await run("update tiktok_posts set set_id = case when id = $1 then 'D1' else 'D3' end, views = case when id = $1 then views else 51 end where id = any ($2::uuid[])", [a, [a, c]]);
    await run("update tiktok_posts set views = case when id = $1 then 51 else 50 end where id = any ($2::uuid[])", [b, [a, b]]);
    await compare();
    await run("update tiktok_posts set views = case when id = $1 then 50 else 51 end where id = any ($2::uuid[])", [b, [a, b]]);
    await compare();
  });

  it("moves the top post on when it leaves, loses views or ties", async () => {
    const day = "2026-03-16T15:00:00Z";
    const [a, b, c] = await posts([
      { va: "Top", set_id: "T1", is_slideshow: false, posted_at: day, views: 300 },
      { va: "Top", set_id: "T1", is_slideshow: false, posted_at: day, views: 200 },
      { va: "Top", set_id: "T1", is_slideshow: false, posted_at: day, views: 100 },
    ]);
    expect((await group("va", "Top"))?.top_id).toBe(a);
    // The top post gains: still the top, with its new views.
    await run("update tiktok_posts set views = 400 where id = $1", [a]);
    expect(await group("va", "Top")).toMatchObject({ top_id: a, views: 700 });
    await compare();
    // It loses views below the next: the group-day is recomputed from the posts.
    await run("update tiktok_posts set views = 150 where id = $1", [a]);
    expect((await group("va", "Top"))?.top_id).toBe(b);
    await compare();
    // Another post ties the top: the smaller id wins.
    await run("update tiktok_posts set views = 200 where id = $1", [c]);
    expect((await group("va", "Top"))?.top_id).toBe([b, c].sort()[0]);
    await compare();
    // The top post is deleted, then the top post leaves its day (and week: 16 March is a Monday).
    await run("delete from tiktok_posts where id = $1", [[b, c].sort()[0]]);
    await compare();
    await run("update tiktok_posts set posted_at = '2026-03-15T15:00:00Z' where id = $1", [[b, c].sort()[1]]);
    expect(await run("select top_id from tiktok_group_posted_days where workspace_id = $1 and dimension = 'va' and key = 'Top' and date = '2026-03-16'", [ws])).toEqual([{ top_id: a }]);
    await compare();
  });

  it("applies a statement of many posts in the same group-days at once", async () => {
    const day = "2026-03-18T15:00:00Z";
    const ids = await posts(Array.from({ length: 60 }, (_, i) => ({ va: "Many", set_id: `M${i % 3}`, is_slideshow: i % 2 === 0, slide_count: 1 + (i % 8), posted_at: day, views: (i % 7) * 10, likes: i })));
    await compare();
    // More changes per group-day than the binary-search path takes: one sort.
    await run("update tiktok_posts set views = views + abs(hashtext(id::text) % 5) * 10 + 5 where id = any ($1::uuid[])", [ids]);
    await compare();
    // Some posts to a day of the same week with no post yet: one statement inserts day rows and updates others of one week.
    await run("update tiktok_posts set posted_at = '2026-03-20T15:00:00Z', views = views + 1 where id = any ($1::uuid[])", [ids.slice(50, 55)]);
    await compare();
    await run("update tiktok_posts set views = null where id = any ($1::uuid[])", [ids.slice(0, 20)]);
    await run("delete from tiktok_posts where id = any ($1::uuid[])", [ids.slice(10, 50)]);
    await compare();
  });

  it("is unchanged by stats arriving out of order, and drops deleted posts", async () => {
    const [a, b] = await posts([
      { va: "Kai", set_id: "S5", is_slideshow: false, posted_at: "2026-03-10T12:00:00Z", views: 40 },
      { va: "Kai", set_id: "S5", is_slideshow: false, posted_at: "2026-03-10T14:00:00Z", views: 60 },
    ]);
    await run(
      "insert into tiktok_post_stats (post_id, workspace_id, date, views) values ($1, $3, '2026-03-12', 40), ($1, $3, '2026-03-10', 10), ($2, $3, '2026-03-11', 60)",
      [a, b, ws],
    );
    await compare();
    await run("delete from tiktok_posts where id = $1", [a]);
    expect(await group("va", "Kai")).toMatchObject({ posts: 1, views: 60, top_id: b });
    await run("delete from tiktok_posts where id = $1", [b]);
    expect(await group("va", "Kai")).toMatchObject({ posts: null });
    await compare();
  });

  it("moves every post's day with the workspace's timezone, and rebuilds the same rows in the backfill", async () => {
    // 03:00 UTC on 4 March is 3 March in New York, 4 March in Tokyo.
    await posts([{ va: "Noa", posted_at: "2026-03-04T03:00:00Z", views: 5 }]);
    expect((await run("select date::text as date from tiktok_group_posted_days where workspace_id = $1 and dimension = 'va' and key = 'Noa'", [ws]))).toEqual([{ date: "2026-03-03" }]);
    await run("update workspaces set timezone = 'Asia/Tokyo' where id = $1", [ws]);
    expect((await run("select date::text as date from tiktok_group_posted_days where workspace_id = $1 and dimension = 'va' and key = 'Noa'", [ws]))).toEqual([{ date: "2026-03-04" }]);
    await compare();
    await run("update workspaces set timezone = 'America/New_York' where id = $1", [ws]);
    const kept = await compare();
    await run("select private.backfill_posted_days(array[$1::uuid])", [ws]);
    expect(await compare()).toEqual(kept);
  });

  // PGlite has one connection and runs one transaction at a time, so two cannot overlap there.
  it.runIf(engine === "postgres")("serializes two transactions changing posts of the same day", async () => {
    const [a, b] = await posts([
      { va: "Ola", posted_at: "2026-03-20T12:00:00Z", views: 1 },
      { va: "Ola", posted_at: "2026-03-20T13:00:00Z", views: 2 },
    ]);
    const first = postgres(db.url!, { max: 1, onnotice: () => {} });
    const second = postgres(db.url!, { max: 1, onnotice: () => {} });
    try {
      let firstUpdated!: () => void;
      const updated = new Promise<void>((resolve) => (firstUpdated = resolve));
      let releaseFirst!: () => void;
      const release = new Promise<void>((resolve) => (releaseFirst = resolve));
      const one = first.begin(async (tx) => {
        await tx`update tiktok_posts set views = 10 where id = ${a!}`;
        firstUpdated();
        await release;
      });
      await updated;
      const two = second.begin((tx) => tx`update tiktok_posts set views = 20 where id = ${b!}`);
      // Commit the first only once the second waits on it.
      await untilWaitingOnLock(db.connection, "views = 20");
      releaseFirst();
      await Promise.all([one, two]);
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
    expect(await group("va", "Ola")).toMatchObject({ posts: 2, views: 30, view_list: "{10,20}" });
    await compare();
  });

  it("keeps another workspace's rows apart, and drops them with the workspace", async () => {
    await posts([{ va: "Mia", posted_at: "2026-03-01T12:00:00Z", views: 9 }], other);
    await compare(other);
    await compare();
    await run("delete from workspaces where id = $1", [other]);
    expect(await run("select 1 from tiktok_group_posted_days where workspace_id = $1", [other])).toEqual([]);
    await compare();
  });
});
