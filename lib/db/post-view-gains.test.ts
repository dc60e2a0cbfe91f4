import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/lib/db/rows";
import { dailyViewGains } from "@/tests/daily-view-gains-oracle";
import { untilWaitingOnLock } from "@/tests/lock-wait";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";

type Row = Record<string, unknown>;

describe.each(ENGINES)("view gains rollups maintained by triggers on %s", (engine) => {
  let db: TestDatabase;
  const ws = randomUUID();
  const other = randomUUID();
  const run = <T extends Row>(text: string, params: unknown[] = []) => db.connection.runner.query<T>(text, params);
  const timezone = async () => (await run<{ timezone: string }>("select timezone from workspaces where id = $1", [ws]))[0]!.timezone;

  /** The rollups, and the same figures by the request-time rule over all of the workspace's stats. */
  const compare = async () => {
    const oracle = dailyViewGains({ workspaceId: ws, timezone: await timezone(), from: "2000-01-01", to: "2100-01-01" });
    const expectedPosts = rowsOf<Row>(
      await db.connection.db.execute(sql`select post_id, date::text as date, gained::float8 as gained from (${oracle}) o order by 1, 2`),
    );
    const storedPosts = await run("select post_id, date::text as date, gained::float8 as gained from tiktok_post_view_gains where workspace_id = $1 order by 1, 2", [ws]);
    const expectedGroups = rowsOf<Row>(
      await db.connection.db.execute(sql`
        select k.dimension, k.key, o.date::text as date, coalesce(sum(o.gained), 0)::float8 as gained, count(*)::int as readings
        from (${oracle}) o join tiktok_posts p on p.id = o.post_id
        cross join lateral (values ('va', p.va), ('creator', p.creator), ('set', p.set_id), ('type', p.is_slideshow::text)) k(dimension, key)
        group by 1, 2, 3 order by 1, 2, 3`),
    );
    const storedGroups = await run(
      `select dimension, key, date::text as date, gained::float8 as gained, readings from tiktok_group_view_gains
       where workspace_id = $1 order by 1, 2, 3`,
      [ws],
    );
    expect(storedPosts).toEqual(expectedPosts);
    expect(storedGroups).toEqual(expectedGroups);
    // The weeks (migration 20261206100050) hold the same day rows, seven to a row.
    expect(
      await run(`select dimension, key, week::text as week, gained::float8 as gained, daily::text as daily from tiktok_group_view_gain_weeks where workspace_id = $1 order by 1, 2, 3`, [ws]),
    ).toEqual(
      await run(
        `with d as (select dimension, key, date, gained, date - (extract(isodow from date)::int - 1) as week from tiktok_group_view_gains where workspace_id = $1)
         select k.dimension, k.key, k.week::text as week, (select sum(d.gained) from d where d.dimension = k.dimension and d.key is not distinct from k.key and d.week = k.week)::float8 as gained,
           array(select coalesce(sum(d.gained), 0)::bigint from generate_series(0, 6) i
             left join d on d.dimension = k.dimension and d.key is not distinct from k.key and d.date = k.week + i group by i order by i)::text as daily
         from (select distinct dimension, key, week from d) k order by 1, 2, 3`,
        [ws],
      ),
    );
    return { storedPosts, storedGroups };
  };
  const stats = (post: string, days: [string, number | null][], workspace = ws) =>
    run(
      `insert into tiktok_post_stats (post_id, workspace_id, date, views)
       select $1, $2, d.date::date, d.views from jsonb_to_recordset($3::jsonb) as d(date text, views bigint)`,
      [post, workspace, JSON.stringify(days.map(([date, views]) => ({ date, views })))],
    );
  const gainOf = async (post: string, date: string) =>
    (await run<{ gained: number | null }>("select gained::float8 as gained from tiktok_post_view_gains where post_id = $1 and date = $2", [post, date]))[0];
  const groupOf = async (dimension: string, key: string | null) =>
    (
      await run<{ gained: number; readings: number }>(
        "select sum(gained)::float8 as gained, sum(readings)::int as readings from tiktok_group_view_gains where workspace_id = $1 and dimension = $2 and key is not distinct from $3",
        [ws, dimension, key],
      )
    )[0];

  let made = 0;
  /** A post of its own for each test, so the tests hold in any order. */
  const post = async (values: { va?: string | null; creator?: string | null; set?: string | null; slideshow?: boolean | null; postedAt: string }, workspace = ws) => {
    const id = randomUUID();
    const postId = `77000000000000${String(++made).padStart(3, "0")}`;
    await run(
      `insert into tiktok_posts (id, workspace_id, post_id, url, va, creator, set_id, is_slideshow, posted_at)
       values ($1, $2, $3, 'https://www.tiktok.com/@c/video/' || $3, $4, $5, $6, $7, $8)`,
      [id, workspace, postId, values.va ?? null, values.creator ?? null, values.set ?? null, values.slideshow ?? null, values.postedAt],
    );
    return id;
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

  it("follows stats inserted out of order, updated and deleted", async () => {
    const posts = {
      // 02:00 UTC on 2 March is 1 March in New York: posted the day before its first stats day.
      fresh: await post({ va: "Mia", creator: "ana", set: "S1", slideshow: true, postedAt: "2026-03-02T02:00:00Z" }),
      // Tracked from 10 March, posted in February: its first stats day has no gain.
      late: await post({ va: "Mia", creator: "bo", set: "S2", slideshow: false, postedAt: "2026-02-01T12:00:00Z" }),
      moved: await post({ va: "Leo", creator: "ana", set: "S1", slideshow: true, postedAt: "2026-03-01T12:00:00Z" }),
      gone: await post({ postedAt: "2026-03-01T12:00:00Z" }),
    };
    await stats(posts.fresh, [["2026-03-05", 500], ["2026-03-02", 100], ["2026-03-03", 200]]);
    await stats(posts.late, [["2026-03-10", 1000], ["2026-03-11", 1300]]);
    await stats(posts.moved, [["2026-03-01", 50], ["2026-03-02", 80], ["2026-03-12", 200], ["2026-03-13", 260]]);
    await stats(posts.gone, [["2026-03-01", 10], ["2026-03-02", null], ["2026-03-03", 40]]);
    await compare();
    expect(await gainOf(posts.fresh, "2026-03-02")).toEqual({ gained: 100 });
    expect(await gainOf(posts.fresh, "2026-03-05")).toEqual({ gained: 300 });
    expect(await gainOf(posts.late, "2026-03-10")).toEqual({ gained: null });
    // Ten days after the previous stats day: no gain, but a reading.
    expect(await gainOf(posts.moved, "2026-03-12")).toEqual({ gained: null });

    // A day inserted in between changes the next day's gain.
    await stats(posts.fresh, [["2026-03-04", 450]]);
    expect(await gainOf(posts.fresh, "2026-03-05")).toEqual({ gained: 50 });
    await stats(posts.moved, [["2026-03-07", 120]]);
    expect(await gainOf(posts.moved, "2026-03-12")).toEqual({ gained: 80 });
    await compare();

    await run("update tiktok_post_stats set views = views + 1000 where post_id = $1 and date = '2026-03-04'", [posts.fresh]);
    expect(await gainOf(posts.fresh, "2026-03-05")).toEqual({ gained: -950 });
    await run(
      `insert into tiktok_post_stats (post_id, workspace_id, date, views) values ($1, $2, '2026-03-11', 1250)
       on conflict (post_id, date) do update set views = excluded.views`,
      [posts.late, ws],
    );
    // Views not reported any more: that day is no stats day.
    await run("update tiktok_post_stats set views = null where post_id = $1 and date = '2026-03-03'", [posts.gone]);
    await compare();

    await run("delete from tiktok_post_stats where post_id = $1 and date = '2026-03-07'", [posts.moved]);
    expect(await gainOf(posts.moved, "2026-03-12")).toEqual({ gained: null });
    await run("delete from tiktok_post_stats where post_id = $1 and date in ('2026-03-02', '2026-03-03')", [posts.fresh]);
    await compare();
  });

  it("follows stats backfilled before the first day, and a changed posting date or timezone", async () => {
    const late = await post({ va: "Ivy", creator: "cy", set: "S3", slideshow: false, postedAt: "2026-02-01T12:00:00Z" });
    await stats(late, [["2026-03-10", 1000], ["2026-03-11", 1300]]);
    expect(await gainOf(late, "2026-03-10")).toEqual({ gained: null });
    await stats(late, [["2026-03-08", 900], ["2026-03-04", 700]]);
    expect(await gainOf(late, "2026-03-10")).toEqual({ gained: 100 });
    expect(await gainOf(late, "2026-03-04")).toEqual({ gained: null });
    await compare();

    await run("update tiktok_posts set posted_at = '2026-03-03T12:00:00Z' where id = $1", [late]);
    expect(await gainOf(late, "2026-03-04")).toEqual({ gained: 700 });
    await compare();

    // 03:00 UTC on 4 March is 3 March in New York but 4 March in Tokyo: the first day's gain follows.
    const evening = await post({ va: "Ivy", postedAt: "2026-03-04T03:00:00Z" });
    await stats(evening, [["2026-03-05", 60]]);
    expect(await gainOf(evening, "2026-03-05")).toEqual({ gained: null });
    await run("update workspaces set timezone = 'Asia/Tokyo' where id = $1", [ws]);
    expect(await gainOf(evening, "2026-03-05")).toEqual({ gained: 60 });
    await compare();
    await run("update workspaces set timezone = 'America/New_York' where id = $1", [ws]);
    await compare();
  });

  it("moves a post's gains with its VA, set or type, and drops a deleted post's", async () => {
    const moved = await post({ va: "Zed", creator: "dee", set: "S4", slideshow: true, postedAt: "2026-03-01T12:00:00Z" });
    const fresh = await post({ va: "Zed", postedAt: "2026-03-01T12:00:00Z" });
    const gone = await post({ va: "Yan", postedAt: "2026-03-01T12:00:00Z" });
    await stats(moved, [["2026-03-01", 10], ["2026-03-02", 30]]);
    await stats(fresh, [["2026-03-01", 5]]);
    await stats(gone, [["2026-03-01", 7], ["2026-03-03", 9]]);
    expect(await groupOf("va", "Zed")).toEqual({ gained: 35, readings: 3 });
    await run("update tiktok_posts set va = 'Xu', set_id = 'S9', is_slideshow = false where id = $1", [moved]);
    expect(await groupOf("va", "Zed")).toEqual({ gained: 5, readings: 1 });
    expect(await groupOf("va", "Xu")).toEqual({ gained: 30, readings: 2 });
    await compare();
    // Every other column changing leaves the rollups alone.
    await run("update tiktok_posts set views = 5, status = 'scraped' where id = $1", [moved]);
    await compare();

    await run("update tiktok_posts set va = null where id = $1", [fresh]);
    expect(await groupOf("va", "Zed")).toEqual({ gained: null, readings: null });
    await compare();
    await run("delete from tiktok_posts where id = $1", [gone]);
    expect(await groupOf("va", "Yan")).toEqual({ gained: null, readings: null });
    const { storedPosts } = await compare();
    expect(storedPosts.some((row) => row.post_id === gone)).toBe(false);
  });

  it("moves only the groups that changed: a set-only move, into a set from none and back, and onto a group that has the days", async () => {
    const mover = await post({ va: "Ivo", creator: "eve", slideshow: false, postedAt: "2026-04-01T12:00:00Z" });
    const stayer = await post({ va: "Ivo", set: "T2", postedAt: "2026-04-01T12:00:00Z" });
    await stats(mover, [["2026-04-01", 10], ["2026-04-02", 25], ["2026-04-09", 40]]);
    await stats(stayer, [["2026-04-02", 3]]);
    const va = await groupOf("va", "Ivo");
    // From no set to T1: the "(none)" set's days empty out and go; the VA, creator and type keep theirs.
    await run("update tiktok_posts set set_id = 'T1' where id = $1", [mover]);
    expect(await groupOf("va", "Ivo")).toEqual(va);
    expect(await groupOf("set", "T1")).toEqual({ gained: 40, readings: 3 });
    await compare();
    // Onto T2, which has a reading on one of its days.
    await run("update tiktok_posts set set_id = 'T2' where id = $1", [mover]);
    expect(await groupOf("set", "T1")).toEqual({ gained: null, readings: null });
    expect(await groupOf("set", "T2")).toEqual({ gained: 43, readings: 4 });
    await compare();
    // Back to no set, and a VA change in the same statement as a set change.
    await run("update tiktok_posts set set_id = null, va = 'Ada' where id = $1", [mover]);
    expect(await groupOf("set", "T2")).toEqual({ gained: 3, readings: 1 });
    expect(await groupOf("va", "Ada")).toEqual({ gained: 40, readings: 3 });
    await compare();
  });

  it("rebuilds the same rollups in the migration's backfill", async () => {
    const post1 = await post({ va: "Kai", creator: "eve", set: "S5", slideshow: true, postedAt: "2026-03-01T12:00:00Z" });
    const post2 = await post({ va: "Kai", postedAt: "2026-01-01T12:00:00Z" });
    await stats(post1, [["2026-03-01", 10], ["2026-03-03", 20], ["2026-03-20", 40], ["2026-03-21", null], ["2026-03-22", 45]]);
    await stats(post2, [["2026-03-02", 100], ["2026-03-09", 150], ["2026-03-17", 170]]);
    const kept = await compare();
    await run("select private.backfill_view_gains(array[$1::uuid])", [ws]);
    expect(await compare()).toEqual(kept);
  });

  // PGlite has one connection and runs one transaction at a time, so two cannot overlap there.
  it.runIf(engine === "postgres")("serializes two transactions refreshing the same day", async () => {
    const id = await post({ va: "Noa", postedAt: "2026-03-01T12:00:00Z" });
    await stats(id, [["2026-03-01", 10], ["2026-03-02", 20]]);
    const first = postgres(db.url!, { max: 1, onnotice: () => {} });
    const second = postgres(db.url!, { max: 1, onnotice: () => {} });
    try {
      let firstUpdated!: () => void;
      const updated = new Promise<void>((resolve) => (firstUpdated = resolve));
      let releaseFirst!: () => void;
      const release = new Promise<void>((resolve) => (releaseFirst = resolve));
      // Both change the gain of 2 March: the first through 1 March's views, the second through its own.
      const one = first.begin(async (tx) => {
        await tx`update tiktok_post_stats set views = 15 where post_id = ${id} and date = '2026-03-01'`;
        firstUpdated();
        await release;
      });
      await updated;
      const two = second.begin((tx) => tx`update tiktok_post_stats set views = 40 where post_id = ${id} and date = '2026-03-02'`);
      // Commit the first only once the second waits on it.
      await untilWaitingOnLock(db.connection, "views = 40");
      releaseFirst();
      await Promise.all([one, two]);
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
    expect(await gainOf(id, "2026-03-02")).toEqual({ gained: 25 });
    await compare();
  });

  it("keeps another workspace's rollups apart, and drops them with the workspace", async () => {
    const theirs = await post({ va: "Mia", postedAt: "2026-03-01T12:00:00Z" }, other);
    await stats(theirs, [["2026-03-01", 5], ["2026-03-02", 9]], other);
    await compare();
    await run("delete from workspaces where id = $1", [other]);
    expect(await run("select 1 from tiktok_group_view_gains where workspace_id = $1 union all select 1 from tiktok_post_view_gains where workspace_id = $1", [other])).toEqual([]);
    await compare();
  });
});
