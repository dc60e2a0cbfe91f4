/**
 * The posts explorer's page query, its filter options and the leaderboards through the RLS path,
 * against a trivial `select 1` through the same path, on a generated workspace of POSTS posts × DAYS
 * days of tiktok_post_stats. The filter options (skip scans) are also timed against `select distinct`.
 * Usage: npm run bench:explorer [-- --posts 100000 --days 90 --iterations 200 --engines postgres] [--demo: the demo workspace only]
 *   [--database-url postgres://…/<a database of its own>]
 * Postgres needs TEST_DATABASE_URL (a server database to create throwaway databases from), or
 * --database-url: migrated, filled once and reused by later runs (never dropped; bench:explorer-browser's too).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openConnection, type Connection } from "@/lib/db/client";
import { runAsUser } from "@/lib/db/rls";
import { rowsOf } from "@/lib/db/rows";
import { listPostFilterOptions, postFilterValuesQuery, type PostFilterColumn } from "@/lib/services/posts/list-post-filter-options";
import { rankPostGroups } from "@/lib/services/posts/rank-post-groups";
import { explorerPagePhases, searchPosts, searchPostsQuerySchema, type ExplorerScope } from "@/lib/services/posts/search-posts";
import { createBenchDatabase, ENGINES, type Engine } from "@/tests/db-harness";
import { generatePostsWorkspace, LAST_DAY, TIMEZONE, VIEWER, WORKSPACE } from "./posts-dataset";
import { percentile, round, timeMany } from "./stats";

const { values } = parseArgs({
  options: {
    posts: { type: "string", default: "100000" },
    days: { type: "string", default: "90" },
    iterations: { type: "string", default: "200" },
    engines: { type: "string" },
    demo: { type: "boolean", default: false },
    "database-url": { type: "string" },
  },
});
const POSTS = Number(values.posts);
const DAYS = Number(values.days);
const ITERATIONS = Number(values.iterations);
const engines = (values.engines?.split(",") ?? ENGINES) as Engine[];
// A fixed "now" on the last stats day, so the gains are fresh and the run repeatable.
const NOW = new Date("2026-06-30T15:00:00Z");

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
    rowsOf<Record<string, string>>(await tx.execute(sql`explain ${explorerPagePhases(scope, query)[0]!(query.limit + 1)}`))
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

/**
 * The explorer's filter options (three skip scans and an exists), and each column's skip scan against
 * the `select distinct` it replaced; the plans must read the (workspace_id, column) index, never every post.
 */
async function measureFilterOptions(connection: Connection) {
  const as = <T>(fn: (tx: Parameters<Parameters<typeof runAsUser>[2]>[0]) => Promise<T>) => runAsUser(connection, { sub: VIEWER }, fn);
  const options = () => as((tx) => listPostFilterOptions(tx, WORKSPACE));
  await timeMany(5, options);
  const samples = await timeMany(Math.max(10, Math.floor(ITERATIONS / 4)), options);
  const results: Record<string, unknown>[] = [{ case: "filter options (3 skip scans)", p50Ms: round(percentile(samples, 50)), p95Ms: round(percentile(samples, 95)) }];
  for (const column of ["va", "creator", "set_id"] as PostFilterColumn[]) {
    const skip = postFilterValuesQuery(WORKSPACE, column);
    const distinct = sql`select distinct ${sql.raw(column)} as value from tiktok_posts where workspace_id = ${WORKSPACE} and ${sql.raw(column)} is not null order by 1`;
    const row: Record<string, unknown> = { case: `filter values: ${column}` };
    for (const [name, query] of [["skip", skip], ["distinct", distinct]] as const) {
      const run = () => as((tx) => tx.execute(query));
      await timeMany(3, run);
      const times = await timeMany(Math.max(10, Math.floor(ITERATIONS / 4)), run);
      row[`${name}P50Ms`] = round(percentile(times, 50));
      row[`${name}P95Ms`] = round(percentile(times, 95));
    }
    const plan = await as(async (tx) => rowsOf<Record<string, string>>(await tx.execute(sql`explain ${skip}`)).map((line) => Object.values(line)[0]).join("\n"));
    row.skipUsesIndex = plan.includes(`tiktok_posts_${column === "set_id" ? "set" : column}_idx`);
    row.skipSeqScanPosts = /Seq Scan on tiktok_posts/.test(plan);
    results.push(row);
  }
  return results;
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

/** The generated workspace's database: --database-url's (filled on first use) for Postgres when given, else a throwaway one. */
async function open(engine: Engine): Promise<{ connection: Connection; release: () => Promise<void> }> {
  const url = values["database-url"];
  const fill = async (connection: Connection) => {
    const started = performance.now();
    await generatePostsWorkspace(connection, { posts: POSTS, days: DAYS });
    console.error(`${engine}: generated ${POSTS} posts × ${DAYS} days in ${round((performance.now() - started) / 1000, 1)} s`);
  };
  if (engine !== "postgres" || !url) {
    const db = await createBenchDatabase(engine);
    await fill(db.connection);
    return { connection: db.connection, release: () => db.drop() };
  }
  const connection = await openConnection({ databaseUrl: url }, { migrate: true });
  const [existing] = await connection.runner.query<{ n: string }>("select count(*) as n from tiktok_posts where workspace_id = $1", [WORKSPACE]);
  const have = Number(existing?.n ?? 0);
  if (have === 0) await fill(connection);
  else if (have !== POSTS) throw new Error(`the database holds ${have} bench posts, not ${POSTS}: use a fresh database for another size`);
  else await connection.runner.exec("analyze");
  return { connection, release: () => connection.close() };
}

async function main() {
  const results: Record<string, unknown>[] = [];
  for (const engine of engines) {
    if (values.demo) {
      results.push(...(await measureDemo(engine)));
      continue;
    }
    const db = await open(engine);
    try {
      for (const [name, params] of Object.entries(CASES)) {
        const result = await measure(db.connection, name, params);
        results.push({ engine, dataset: `${POSTS}x${DAYS}`, ...result });
        console.error(`${engine} ${name}: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, deep p95 ${result.deepP95Ms} ms`);
        if (name.startsWith("default")) console.error(result.plan);
      }
      for (const result of await measureFilterOptions(db.connection)) {
        results.push({ engine, dataset: `${POSTS}x${DAYS}`, ...result });
        console.error(`${engine} ${JSON.stringify(result)}`);
      }
      for (const days of [7, 30]) {
        const result = await measureLeaderboard(db.connection, days);
        results.push({ engine, dataset: `${POSTS}x${DAYS}`, ...result });
        console.error(`${engine} ${result.case}: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms`);
      }
    } finally {
      await db.release();
    }
  }
  await mkdir("bench/results", { recursive: true });
  await writeFile(`bench/results/posts-explorer${values.demo ? "-demo" : ""}.json`, JSON.stringify(results, null, 2));
  console.table(results.map(({ plan: _plan, ...row }) => row));
}

await main();
