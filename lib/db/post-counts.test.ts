import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";

type Row = Record<string, unknown>;

// The oracle: the same counts straight from tiktok_posts, as the Overview read them before the rollup.
const ORACLE = `
  select status::text as status, stats_date::text as stats_date, count(*)::int as posts, coalesce(sum(views_gained_1d), 0)::float8 as gained_1d
  from tiktok_posts where workspace_id = $1 group by 1, 2 order by 1, 2`;
const STORED = `
  select status::text as status, stats_date::text as stats_date, posts, gained_1d::float8 as gained_1d
  from tiktok_post_counts where workspace_id = $1 order by 1, 2`;

describe.each(ENGINES)("post counts rollup maintained by triggers on %s", (engine) => {
  let db: TestDatabase;
  const ws = randomUUID();
  const other = randomUUID();
  const run = <T extends Row>(text: string, params: unknown[] = []) => db.connection.runner.query<T>(text, params);
  const compare = async (workspace = ws) => {
    const stored = await run(STORED, [workspace]);
    expect(stored).toEqual(await run(ORACLE, [workspace]));
    return stored;
  };
  let made = 0;
  const posts = async (count: number, workspace = ws) => {
    const ids = Array.from({ length: count }, () => randomUUID());
    await run(
      `insert into tiktok_posts (id, workspace_id, post_id, url, posted_at)
       select id, $1, '79' || lpad((n + $3)::text, 12, '0'), 'https://www.tiktok.com/@c/video/' || n, '2026-03-01T12:00:00Z'
       from unnest($2::uuid[]) with ordinality as t(id, n)`,
      [workspace, ids, made],
    );
    made += count;
    return ids;
  };
  const stats = (post: string, days: [string, number][], workspace = ws) =>
    run(
      "insert into tiktok_post_stats (post_id, workspace_id, date, views) select $1, $2, d.date::date, d.views from jsonb_to_recordset($3::jsonb) as d(date text, views bigint)",
      [post, workspace, JSON.stringify(days.map(([date, views]) => ({ date, views })))],
    );

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await run("insert into workspaces (id, slug, name, timezone) values ($1, $2, 'A', 'UTC'), ($3, $4, 'B', 'UTC')", [ws, `a-${ws.slice(0, 8)}`, other, `b-${other.slice(0, 8)}`]);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("counts posts by status and latest stats day through inserts, stats out of order, updates and deletes", async () => {
    const [a, b, c] = await posts(3);
    expect(await compare()).toEqual([{ status: "pending", stats_date: null, posts: 3, gained_1d: 0 }]);
    // Stats set each post's latest stats day and 24-hour gain (kept by the post-gains triggers).
    await stats(a!, [["2026-03-03", 300], ["2026-03-02", 100]]);
    await stats(b!, [["2026-03-03", 50]]);
    await stats(a!, [["2026-03-04", 450]]);
    await compare();
    await run("update tiktok_posts set status = 'scraped' where id = any ($1)", [[a, b]]);
    await run("update tiktok_posts set status = 'failed' where id = $1", [c]);
    expect((await compare()).find((row) => row.status === "scraped" && row.stats_date === "2026-03-04")).toEqual({ status: "scraped", stats_date: "2026-03-04", posts: 1, gained_1d: 150 });
    await run("delete from tiktok_post_stats where post_id = $1 and date = '2026-03-04'", [a]);
    await run("update tiktok_posts set caption = 'x' where id = $1", [b]);
    await compare();
    await run("delete from tiktok_posts where id = $1", [b]);
    await compare();
  });

  it("rebuilds the same counts in the backfill, keeps workspaces apart and drops them with the workspace", async () => {
    const [theirs] = await posts(1, other);
    await stats(theirs!, [["2026-03-05", 9]], other);
    await compare(other);
    const kept = await compare();
    await run("select private.backfill_post_counts(array[$1::uuid])", [ws]);
    expect(await compare()).toEqual(kept);
    await run("delete from workspaces where id = $1", [other]);
    expect(await run("select 1 from tiktok_post_counts where workspace_id = $1", [other])).toEqual([]);
  });
});
