/**
 * The Overview, the leaderboards and the trends through the RLS path, against `select 1` through the
 * same path: on the demo workspace (PGlite by default) and on a generated workspace of ACCOUNTS
 * accounts × ACCOUNT_DAYS snapshots and POSTS posts × POST_DAYS stats (Postgres by default).
 * Usage: npm run bench:overview [-- --engines pglite,postgres --accounts 10000 --account-days 365 --posts 100000 --post-days 90 --iterations 50 --plans
 *   --database-url postgres://…/<a database of its own> --only <part of a case name, e.g. "by set, 90">]
 * Postgres needs TEST_DATABASE_URL (a server database to create throwaway databases from), or
 * --database-url: that database is migrated, filled once and reused by later runs (never dropped).
 * Each case's queries are also EXPLAINed, and any sequential scan of a big table is reported.
 */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql, type SQL } from "drizzle-orm";
import { openConnection, type Connection, type Tx } from "@/lib/db/client";
import { runAsUser } from "@/lib/db/rls";
import { rowsOf } from "@/lib/db/rows";
import { addDays, periodEnding } from "@/lib/domain/calendar";
import { getOverview } from "@/lib/services/overview/get-overview";
import { fillPeriodMedians } from "@/lib/services/posts/fill-period-medians";
import { getPostTrends } from "@/lib/services/posts/get-post-trends";
import { rankPostGroups } from "@/lib/services/posts/rank-post-groups";
import { createBenchDatabase, ENGINES, type Engine } from "@/tests/db-harness";
import { percentile, round, timeMany } from "./stats";

const { values } = parseArgs({
  options: {
    engines: { type: "string" },
    accounts: { type: "string", default: "10000" },
    "account-days": { type: "string", default: "365" },
    posts: { type: "string", default: "100000" },
    "post-days": { type: "string", default: "90" },
    iterations: { type: "string", default: "50" },
    plans: { type: "boolean", default: false },
    "database-url": { type: "string" },
    only: { type: "string" },
  },
});
const ITERATIONS = Number(values.iterations);
const ACCOUNTS = Number(values.accounts);
const ACCOUNT_DAYS = Number(values["account-days"]);
const POSTS = Number(values.posts);
const POST_DAYS = Number(values["post-days"]);
const engines = (values.engines?.split(",") ?? ENGINES) as Engine[];
const WORKSPACE = "00000000-0000-4000-8000-00000000a003";
const VIEWER = "00000000-0000-4000-8000-00000000b003";
const TIMEZONE = "America/New_York";
const LAST_DAY = "2026-06-30";
// The tables too big to read whole on a request: a plan that scans one sequentially is reported.
const BIG_TABLES = /Seq Scan on (tiktok_posts|tiktok_post_stats|account_snapshots|tiktok_post_view_gains|tiktok_group_view_gains|tiktok_group_posted_days)\b/;
const started = performance.now();
const log = (step: string) => console.error(`${round((performance.now() - started) / 1000, 1)} s: ${step}`);

interface Target {
  connection: Connection;
  workspaceId: string;
  userId: string;
  timezone: string;
  today: string;
}

/** ACCOUNTS accounts with ACCOUNT_DAYS daily snapshots and POSTS posts with POST_DAYS daily stats, all ending on LAST_DAY. */
async function generate(connection: Connection): Promise<Target> {
  const run = (text: string, params: unknown[] = []) => connection.runner.query(text, params);
  await run("insert into auth.users (id, email) values ($1, 'bench-overview@example.test')", [VIEWER]);
  await run("insert into workspaces (id, slug, name, timezone) values ($1, 'bench-overview', 'Bench', $2)", [WORKSPACE, TIMEZONE]);
  await run("insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'viewer')", [WORKSPACE, VIEWER]);
  await run(
    `insert into accounts (workspace_id, platform, handle, health_status, last_error_code, last_error_at)
     select $1, 'x', 'acct' || i, case when i % 40 = 0 then 'failing' else 'healthy' end::health_status,
       case when i % 40 = 0 then 'blocked' end, case when i % 40 = 0 then timestamptz '2026-06-30T10:00:00Z' end
     from generate_series(1, $2::int) i`,
    [WORKSPACE, ACCOUNTS],
  );
  // Snapshots and stats go in with their tables' triggers off (latest figures, suspect flags, follower
  // days, post gains, view-gain rollups, data version), and the same functions then fill everything
  // once: a trigger run per chunk rewrote every account 365 times and took most of the time.
  await connection.runner.exec("alter table account_snapshots disable trigger user");
  const daysPerChunk = Math.max(1, Math.floor(1_000_000 / ACCOUNTS));
  for (let last = ACCOUNT_DAYS - 1; last >= 0; last -= daysPerChunk) {
    await run(
      `insert into account_snapshots (account_id, workspace_id, snapshot_date, followers, source)
       select a.id, a.workspace_id, $2::date - d, 10000 + abs(hashtext(a.handle)) % 90000 + (${ACCOUNT_DAYS} - d) * (abs(hashtext(a.handle)) % 50 - 20), 'api'
       from accounts a, generate_series(greatest(0, $3::int - ${daysPerChunk} + 1), $3::int) d
       where a.workspace_id = $1 and (d + substr(a.handle, 5)::int) % 17 <> 0`,
      [WORKSPACE, LAST_DAY, last],
    );
  }
  const accountIds = "array(select id from accounts where workspace_id = $1)";
  await run(`select private.flag_suspect_snapshots(${accountIds})`, [WORKSPACE]);
  await connection.runner.exec("alter table account_snapshots enable trigger user");
  await run(`select private.refresh_account_latest(${accountIds})`, [WORKSPACE]);
  await run(
    "select private.refresh_follower_days(array_agg(workspace_id), array_agg(snapshot_date)) from (select distinct workspace_id, snapshot_date from account_snapshots where workspace_id = $1) t",
    [WORKSPACE],
  );
  log(`account snapshots: ${ACCOUNTS}×${ACCOUNT_DAYS}`);
  // Groups hashed from the post's number, not i % n: every VA, creator and set posts on most days, as a real team does.
  await run(
    `insert into tiktok_posts (workspace_id, post_id, url, creator, set_id, va, status, is_slideshow, slide_count, posted_at, views, likes, comments, shares, saves, created_at, last_error_at)
     select $1, (7500000000000000000 + i)::text, 'https://www.tiktok.com/@c/video/' || (7500000000000000000 + i), 'creator' || abs(hashtext('c' || i)) % 80, 'SET-' || abs(hashtext('s' || i)) % 300, 'VA' || abs(hashtext('v' || i)) % 12,
       (case when i % 29 = 0 then 'failed' else 'scraped' end)::post_status, i % 2 = 0, case when i % 2 = 0 then 1 + i % 9 end,
       $3::timestamptz - make_interval(days => i % 120, secs => i % 86400), 1000 + abs(hashtext(i::text)) % 500000, 50 + i % 5000, i % 300, i % 200, i % 400,
       $3::timestamptz - make_interval(days => i % 120), case when i % 29 = 0 then $3::timestamptz end
     from generate_series(1, $2::int) i`,
    [WORKSPACE, POSTS, `${LAST_DAY}T12:00:00Z`],
  );
  await connection.runner.exec("alter table tiktok_post_stats disable trigger user");
  const chunk = Math.max(1, Math.floor(2_000_000 / POST_DAYS));
  for (let from = 1; from <= POSTS; from += chunk) {
    await run(
      `insert into tiktok_post_stats (post_id, workspace_id, date, views)
       select p.id, p.workspace_id, $4::date - d, greatest(0, p.views - d * (1 + abs(hashtext(p.post_id)) % 200))
       from tiktok_posts p, generate_series(0, $5::int - 1) d
       where p.workspace_id = $1 and p.post_id::numeric - 7500000000000000000 between $2 and $3`,
      [WORKSPACE, from, Math.min(POSTS, from + chunk - 1), LAST_DAY, POST_DAYS],
    );
  }
  await connection.runner.exec("alter table tiktok_post_stats enable trigger user");
  log(`post stats: ${POSTS}×${POST_DAYS}`);
  await run("select private.refresh_post_gains(array(select id from tiktok_posts where workspace_id = $1))", [WORKSPACE]);
  await run("select private.backfill_view_gains(array[$1::uuid])", [WORKSPACE]);
  log("post gains and view-gain rollups filled");
  await connection.runner.exec("vacuum analyze");
  return { connection, workspaceId: WORKSPACE, userId: VIEWER, timezone: TIMEZONE, today: LAST_DAY };
}

async function demo(connection: Connection): Promise<Target> {
  const { seedDemo } = await import("@/lib/demo/seed-demo");
  await seedDemo(connection, { storageRoot: await mkdtemp(path.join(tmpdir(), "reach-bench-")) });
  await connection.runner.exec("analyze");
  const [row] = await connection.runner.query<{ workspace_id: string; user_id: string; timezone: string; day: string }>(
    `select m.workspace_id, m.user_id, w.timezone, (select max(snapshot_date)::text from account_snapshots s where s.workspace_id = w.id) as day
     from workspace_members m join workspaces w on w.id = m.workspace_id where w.slug = 'demo' and m.role = 'viewer' limit 1`,
  );
  if (!row) throw new Error("demo workspace missing");
  return { connection, workspaceId: row.workspace_id, userId: row.user_id, timezone: row.timezone, today: row.day };
}

/** The same transaction, but every statement a service runs is EXPLAINed first and its plan kept. */
function explaining(tx: Tx, plans: string[]): Tx {
  return new Proxy(tx, {
    get(target, property, receiver) {
      if (property !== "execute") return Reflect.get(target, property, receiver);
      return async (query: SQL) => {
        const plan = rowsOf<Record<string, string>>(await target.execute(sql`explain ${query}`));
        plans.push(plan.map((row) => Object.values(row)[0]).join("\n"));
        return target.execute(query);
      };
    },
  });
}

async function measure(target: Target, dataset: string, engine: Engine) {
  const workspace = { id: target.workspaceId, timezone: target.timezone };
  const as = <T>(work: (tx: Tx) => Promise<T>) => runAsUser(target.connection, { sub: target.userId }, work);
  // Noon UTC on the last day: the same calendar day in any timezone from UTC−11 to UTC+11.
  const now = new Date(`${target.today}T12:00:00Z`);
  const period = (days: number) => periodEnding(target.today, days);
  const custom = { from: addDays(target.today, -90), to: addDays(target.today, -1) };
  const cases: Record<string, (tx: Tx) => Promise<unknown>> = {
    overview: (tx) => getOverview(tx, { workspace, now }),
    ...Object.fromEntries(
      (["va", "creator", "set"] as const).flatMap((by) =>
        [7, 30, 90].map((days) => [`leaderboard by ${by === "va" ? "VA" : by}, ${days} days`, (tx: Tx) => rankPostGroups(tx, { workspace, query: { by, ...period(days) } })]),
      ),
    ),
    "trends by VA, 30 days": (tx) => getPostTrends(tx, { workspace, query: { by: "va", ...period(30) } }),
    "trends by VA, 90 days": (tx) => getPostTrends(tx, { workspace, query: { by: "va", ...period(90) } }),
    "trends by set, 90 days": (tx) => getPostTrends(tx, { workspace, query: { by: "set", ...period(90) } }),
    // Not a preset: no stored medians, every group's median is sorted on read.
    "leaderboard by set, custom 90 days to yesterday": (tx) => rankPostGroups(tx, { workspace, query: { by: "set", ...custom } }),
    "trends by set, custom 90 days to yesterday": (tx) => getPostTrends(tx, { workspace, query: { by: "set", ...custom } }),
  };
  // What the end of a run does: store the presets' medians (a run's writes dropped them all).
  await target.connection.runner.query("delete from tiktok_group_period_medians where workspace_id = $1", [target.workspaceId]);
  const filling = performance.now();
  const filled = await fillPeriodMedians(target.connection.db, { workspaceId: target.workspaceId, now });
  log(`${engine}: stored ${filled.written} period medians in ${Math.round(performance.now() - filling)} ms`);
  const trivial = () => as((tx) => tx.execute(sql`select 1`));
  await timeMany(10, trivial);
  const base = await timeMany(ITERATIONS, trivial);
  const base50 = percentile(base, 50);
  const results = [];
  for (const [name, work] of Object.entries(cases).filter(([name]) => !values.only || name.includes(values.only))) {
    const plans: string[] = [];
    await as((tx) => work(explaining(tx, plans)));
    const seqScans = plans.flatMap((plan) => plan.split("\n").filter((line) => BIG_TABLES.test(line)).map((line) => line.trim()));
    await timeMany(3, () => as(work));
    const samples = await timeMany(ITERATIONS, () => as(work));
    const p50 = percentile(samples, 50);
    const row = {
      engine,
      dataset,
      case: name,
      p50Ms: round(p50),
      p95Ms: round(percentile(samples, 95)),
      select1P50Ms: round(base50),
      select1P95Ms: round(percentile(base, 95)),
      ratioP50: round(p50 / base50, 1),
      ratioP95: round(percentile(samples, 95) / percentile(base, 95), 1),
      bigTableSeqScans: seqScans.length,
      loadAverage1m: round(loadavg()[0] ?? 0, 1),
    };
    console.error(
      `${engine} ${dataset} ${name}: p50 ${row.p50Ms} ms, p95 ${row.p95Ms} ms (select 1 p50 ${row.select1P50Ms} ms), ${plans.length} statements, seq scans of big tables: ${seqScans.join("; ") || "none"}, load ${row.loadAverage1m}`,
    );
    if (values.plans) console.error(plans.join("\n---\n"));
    results.push(row);
  }
  return results;
}

/** The generated workspace in --database-url: migrated (new migrations and their backfills apply), filled on first use, then reused. */
async function reuse(url: string): Promise<Target> {
  const connection = await openConnection({ databaseUrl: url }, { migrate: true });
  const [existing] = await connection.runner.query<{ n: string }>("select count(*) as n from tiktok_posts where workspace_id = $1", [WORKSPACE]);
  const have = Number(existing?.n ?? 0);
  if (have === 0) return generate(connection);
  if (have !== POSTS) throw new Error(`the database holds ${have} bench posts, not ${POSTS}: use a fresh database for another size`);
  await connection.runner.exec("vacuum analyze");
  return { connection, workspaceId: WORKSPACE, userId: VIEWER, timezone: TIMEZONE, today: LAST_DAY };
}

async function main() {
  const results: Record<string, unknown>[] = [];
  const dataset = `${ACCOUNTS}x${ACCOUNT_DAYS} accounts, ${POSTS}x${POST_DAYS} posts`;
  for (const engine of engines) {
    if (engine === "postgres" && values["database-url"]) {
      const target = await reuse(values["database-url"]);
      log(`${engine}: ${dataset} ready`);
      try {
        results.push(...(await measure(target, dataset, engine)));
      } finally {
        await target.connection.close();
      }
      continue;
    }
    const db = await createBenchDatabase(engine);
    try {
      if (engine === "pglite") {
        results.push(...(await measure(await demo(db.connection), "demo", engine)));
      } else {
        const target = await generate(db.connection);
        log(`${engine}: generated ${ACCOUNTS}×${ACCOUNT_DAYS} snapshots and ${POSTS}×${POST_DAYS} stats`);
        results.push(...(await measure(target, dataset, engine)));
      }
    } finally {
      await db.drop();
    }
  }
  await mkdir("bench/results", { recursive: true });
  await writeFile("bench/results/overview.json", JSON.stringify(results, null, 2));
  console.table(results);
}

await main();
