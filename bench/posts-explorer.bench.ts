/**
 * The posts explorer's page query and the leaderboards through the RLS path, against a trivial
 * `select 1` through the same path, on a generated workspace of POSTS posts × DAYS days of tiktok_post_stats.
 * Usage: npm run bench:explorer [-- --posts 100000 --days 90 --iterations 200 --engines postgres] [--demo: the demo workspace only]
 * Postgres needs TEST_DATABASE_URL (a server database to create throwaway databases from).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import type { Connection } from "@/lib/db/client";
import { runAsUser } from "@/lib/db/rls";
import { rowsOf } from "@/lib/db/rows";
import { rankPostGroups } from "@/lib/services/posts/rank-post-groups";
import { explorerPageQuery, searchPosts, searchPostsQuerySchema, type ExplorerScope } from "@/lib/services/posts/search-posts";
import { createBenchDatabase, ENGINES, type Engine } from "@/tests/db-harness";
import { percentile, round, timeMany } from "./stats";

const { values } = parseArgs({
  options: {
    posts: { type: "string", default: "100000" },
    days: { type: "string", default: "90" },
    iterations: { type: "string", default: "200" },
    engines: { type: "string" },
    demo: { type: "boolean", default: false },
  },
});
const POSTS = Number(values.posts);
const DAYS = Number(values.days);
const ITERATIONS = Number(values.iterations);
const engines = (values.engines?.split(",") ?? ENGINES) as Engine[];
const VIEWER = "00000000-0000-4000-8000-00000000b002";
const WORKSPACE = "00000000-0000-4000-8000-00000000a002";
const TIMEZONE = "America/New_York";
// A fixed "now" a day after the last stats day, so the gains are fresh and the run repeatable.
const NOW = new Date("2026-06-30T15:00:00Z");
const LAST_DAY = "2026-06-30";

/** POSTS posts by 12 VAs, 80 creators and 300 sets, each with DAYS daily stats ending on LAST_DAY; half are slideshows. */
async function generateWorkspace(connection: Connection) {
  const run = (text: string, params: unknown[] = []) => connection.runner.query(text, params);
  await run("insert into auth.users (id, email) values ($1, 'bench-posts@example.test')", [VIEWER]);
  await run("insert into workspaces (id, slug, name, timezone) values ($1, 'bench-posts', 'Bench', $2)", [WORKSPACE, TIMEZONE]);
  await run("insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'viewer')", [WORKSPACE, VIEWER]);
  await run(
    `insert into tiktok_posts (workspace_id, post_id, url, creator, set_id, va, post_type, status, is_slideshow, slide_count, caption, hashtags,
       posted_at, views, likes, comments, shares, saves)
     select $1, (7300000000000000000 + i)::text, 'https://www.tiktok.com/@c' || (i % 80) || '/video/' || (7300000000000000000 + i),
       'creator' || (i % 80), 'SET-' || (i % 300), 'VA' || (i % 12), case when i % 2 = 0 then 'slideshow' else 'video' end,
       (case when i % 29 = 0 then 'failed' when i % 31 = 0 then 'pending' else 'scraped' end)::post_status,
       i % 2 = 0, case when i % 2 = 0 then 3 + i % 9 end, 'caption ' || i || case when i % 7 = 0 then ' morning routine' else '' end,
       array['fyp', 'tag' || (i % 50)],
       $3::timestamptz - make_interval(days => ${DAYS} - 1 + (i % 180), secs => i % 86400),
       1000 + (abs(hashtext(i::text)) % 500000), 50 + i % 5000, i % 300, i % 200, i % 400
     from generate_series(1, $2::int) i`,
    [WORKSPACE, POSTS, `${LAST_DAY}T12:00:00Z`],
  );
  // Three stored slides per slideshow, so the thumbnail probe meets a table of realistic size.
  await run(
    `insert into tiktok_slides (post_id, workspace_id, slide_index, storage_path, bytes, content_type)
     select p.id, p.workspace_id, n, p.workspace_id || '/' || p.post_id || '/' || n || '.jpg', 90000, 'image/jpeg'
     from tiktok_posts p, generate_series(0, 2) n where p.workspace_id = $1 and p.is_slideshow`,
    [WORKSPACE],
  );
  const chunk = Math.max(1, Math.floor(1_000_000 / DAYS));
  for (let from = 1; from <= POSTS; from += chunk) {
    await run(
      `insert into tiktok_post_stats (post_id, workspace_id, date, views, likes, comments, shares, saves)
       select p.id, p.workspace_id, $4::date - d, greatest(0, p.views - d * (1 + abs(hashtext(p.post_id)) % 200)), p.likes, p.comments, p.shares, p.saves
       from tiktok_posts p, generate_series(0, $5::int - 1) d
       where p.workspace_id = $1 and p.post_id::numeric - 7300000000000000000 between $2 and $3`,
      [WORKSPACE, from, Math.min(POSTS, from + chunk - 1), LAST_DAY, DAYS],
    );
  }
  await connection.runner.exec("analyze");
}

const CASES: Record<string, Record<string, string>> = {
  "default (newest first)": {},
  "sort by views": { sort: "views" },
  "sort by 24 h gain": { sort: "gained24h" },
  "filter VA + status": { va: "VA3", status: "scraped" },
  "search caption": { q: "morning" },
};

async function measure(connection: Connection, name: string, params: Record<string, string>) {
  const scope: ExplorerScope = { workspaceId: WORKSPACE, timezone: TIMEZONE, now: NOW };
  const query = searchPostsQuerySchema.parse(params);
  const page = () => runAsUser(connection, { sub: VIEWER }, (tx) => searchPosts(tx, { scope, query }));
  const trivial = () => runAsUser(connection, { sub: VIEWER }, (tx) => tx.execute(sql`select 1`));
  const first = await page();
  if (first.data.length === 0) throw new Error(`${name}: the query returned no rows`);
  // A page deep in the scroll: the cursor of the 20th page, as the browser would send it.
  let deep = first;
  for (let n = 0; n < 20 && deep.nextCursor; n++) {
    const cursor = deep.nextCursor;
    deep = await runAsUser(connection, { sub: VIEWER }, (tx) => searchPosts(tx, { scope, query: { ...query, cursor } }));
  }
  const deepQuery = { ...query, cursor: deep.nextCursor ?? undefined };
  const deepPage = () => runAsUser(connection, { sub: VIEWER }, (tx) => searchPosts(tx, { scope, query: deepQuery }));
  await timeMany(10, page);
  await timeMany(10, trivial);
  const pageSamples = await timeMany(ITERATIONS, page);
  const deepSamples = await timeMany(ITERATIONS, deepPage);
  const trivialSamples = await timeMany(ITERATIONS, trivial);
  const plan = await runAsUser(connection, { sub: VIEWER }, async (tx) =>
    rowsOf<Record<string, string>>(await tx.execute(sql`explain ${explorerPageQuery(scope, query)}`))
      .map((row) => Object.values(row)[0])
      .join("\n"),
  );
  const p50 = percentile(pageSamples, 50);
  const base50 = percentile(trivialSamples, 50);
  return {
    case: name,
    p50Ms: round(p50),
    p95Ms: round(percentile(pageSamples, 95)),
    deepP95Ms: round(percentile(deepSamples, 95)),
    select1P50Ms: round(base50),
    select1P95Ms: round(percentile(trivialSamples, 95)),
    ratioP50: round(p50 / base50, 1),
    seqScanPosts: /Seq Scan on tiktok_posts/.test(plan),
    seqScanStats: /Seq Scan on tiktok_post_stats/.test(plan),
    plan,
  };
}

/** One leaderboard request (by VA, the last `days` days) timed like the explorer's cases. */
async function measureLeaderboard(connection: Connection, days: number) {
  const to = LAST_DAY;
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  const board = () => runAsUser(connection, { sub: VIEWER }, (tx) => rankPostGroups(tx, { workspace: { id: WORKSPACE, timezone: TIMEZONE }, query: { by: "va", from, to } }));
  const trivial = () => runAsUser(connection, { sub: VIEWER }, (tx) => tx.execute(sql`select 1`));
  if ((await board()).length === 0) throw new Error("the leaderboard returned no rows");
  await timeMany(3, board);
  const samples = await timeMany(Math.max(10, Math.floor(ITERATIONS / 10)), board);
  const trivialSamples = await timeMany(ITERATIONS, trivial);
  const p50 = percentile(samples, 50);
  return { case: `leaderboard by VA, ${days} days`, p50Ms: round(p50), p95Ms: round(percentile(samples, 95)), select1P50Ms: round(percentile(trivialSamples, 50)), ratioP50: round(p50 / percentile(trivialSamples, 50), 1) };
}

/** The demo workspace (600 posts): the explorer's default page and the 30-day leaderboard. */
async function measureDemo(engine: Engine) {
  const db = await createBenchDatabase(engine);
  try {
    const { seedDemo } = await import("@/lib/demo/seed-demo");
    const { mkdtemp } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    await seedDemo(db.connection, { storageRoot: await mkdtemp(path.join(tmpdir(), "reach-bench-")) });
    await db.connection.runner.exec("analyze");
    const [demo] = await db.connection.runner.query<{ workspace_id: string; user_id: string; timezone: string }>(
      "select m.workspace_id, m.user_id, w.timezone from workspace_members m join workspaces w on w.id = m.workspace_id where w.slug = 'demo' and m.role = 'viewer' limit 1",
    );
    if (!demo) throw new Error("demo workspace missing");
    const [last] = await db.connection.runner.query<{ day: string }>("select max(date)::text as day from tiktok_post_stats where workspace_id = $1", [demo.workspace_id]);
    const to = last?.day ?? LAST_DAY;
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
    const scope: ExplorerScope = { workspaceId: demo.workspace_id, timezone: demo.timezone, now: new Date(`${to}T18:00:00Z`) };
    const cases = {
      "demo: explorer default page": () => runAsUser(db.connection, { sub: demo.user_id }, (tx) => searchPosts(tx, { scope, query: searchPostsQuerySchema.parse({}) })),
      "demo: leaderboard by VA, 30 days": () => runAsUser(db.connection, { sub: demo.user_id }, (tx) => rankPostGroups(tx, { workspace: { id: demo.workspace_id, timezone: demo.timezone }, query: { by: "va", from, to } })),
    };
    const trivial = () => runAsUser(db.connection, { sub: demo.user_id }, (tx) => tx.execute(sql`select 1`));
    const base = percentile(await timeMany(ITERATIONS, trivial), 50);
    const results = [];
    for (const [name, fn] of Object.entries(cases)) {
      await timeMany(5, fn);
      const samples = await timeMany(ITERATIONS, fn);
      results.push({ engine, dataset: "demo", case: name, p50Ms: round(percentile(samples, 50)), p95Ms: round(percentile(samples, 95)), select1P50Ms: round(base), ratioP50: round(percentile(samples, 50) / base, 1) });
    }
    return results;
  } finally {
    await db.drop();
  }
}

async function main() {
  const results: Record<string, unknown>[] = [];
  for (const engine of engines) {
    if (values.demo) {
      results.push(...(await measureDemo(engine)));
      continue;
    }
    const db = await createBenchDatabase(engine);
    try {
      const started = performance.now();
      await generateWorkspace(db.connection);
      console.error(`${engine}: generated ${POSTS} posts × ${DAYS} days in ${round((performance.now() - started) / 1000, 1)} s`);
      for (const [name, params] of Object.entries(CASES)) {
        const result = await measure(db.connection, name, params);
        results.push({ engine, dataset: `${POSTS}x${DAYS}`, ...result });
        console.error(`${engine} ${name}: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, deep p95 ${result.deepP95Ms} ms`);
        if (name.startsWith("default")) console.error(result.plan);
      }
      for (const days of [7, 30]) {
        const result = await measureLeaderboard(db.connection, days);
        results.push({ engine, dataset: `${POSTS}x${DAYS}`, ...result });
        console.error(`${engine} ${result.case}: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms`);
      }
    } finally {
      await db.drop();
    }
  }
  await mkdir("bench/results", { recursive: true });
  await writeFile(`bench/results/posts-explorer${values.demo ? "-demo" : ""}.json`, JSON.stringify(results, null, 2));
  console.table(results.map(({ plan: _plan, ...row }) => row));
}

await main();
