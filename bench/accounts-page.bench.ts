/**
 * The Accounts page query (latest snapshot, 7- and 30-day change, sorted by 7-day change, first 50)
 * through the RLS path, against a trivial `select 1` through the same path, on each engine.
 * Usage: npm run bench [-- --accounts 10000 --days 365 --iterations 100 --engines pglite,postgres --demo]
 * Postgres needs TEST_DATABASE_URL (a server database to create throwaway databases from).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import type { Connection } from "@/lib/db/client";
import { runAsUser } from "@/lib/db/rls";
import { rowsOf } from "@/lib/db/rows";
import { accountsPageQuery, listAccounts, listAccountsQuerySchema } from "@/lib/services/accounts/list-accounts";
import { createBenchDatabase, ENGINES, type Engine } from "@/tests/db-harness";
import { percentile, round, timeMany } from "./stats";

const { values } = parseArgs({
  options: {
    accounts: { type: "string", default: "10000" },
    days: { type: "string", default: "365" },
    iterations: { type: "string", default: "100" },
    engines: { type: "string" },
    demo: { type: "boolean", default: false },
  },
});
const ACCOUNTS = Number(values.accounts);
const DAYS = Number(values.days);
const ITERATIONS = Number(values.iterations);
const engines = (values.engines?.split(",") ?? ENGINES) as Engine[];
const VIEWER = "00000000-0000-4000-8000-00000000b001";
const WORKSPACE = "00000000-0000-4000-8000-00000000a001";

/** A generated workspace: ACCOUNTS accounts × DAYS daily snapshots with noisy growth and a few gaps. */
async function generateWorkspace(connection: Connection) {
  const run = (text: string, params: unknown[] = []) => connection.runner.query(text, params);
  await run("insert into auth.users (id, email) values ($1, 'bench@example.test')", [VIEWER]);
  await run("insert into workspaces (id, slug, name) values ($1, 'bench', 'Bench')", [WORKSPACE]);
  await run("insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'viewer')", [WORKSPACE, VIEWER]);
  await run(
    `insert into accounts (workspace_id, platform, handle)
     select $1, (enum_range(null::platform))[1 + i % 10], 'acct' || i from generate_series(1, $2::int) i`,
    [WORKSPACE, ACCOUNTS],
  );
  const chunk = Math.max(1, Math.floor(2_000_000 / DAYS));
  for (let from = 1; from <= ACCOUNTS; from += chunk) {
    await run(
      `insert into account_snapshots (account_id, workspace_id, snapshot_date, followers, following, posts, source)
       select a.id, a.workspace_id, current_date - d,
              (1000 + (abs(hashtext(a.handle)) % 100000) + (365 - d) * (abs(hashtext(a.handle || 'g')) % 50))::bigint,
              100, 10 + (365 - d) / 3, 'html'
       from (select id, workspace_id, handle from accounts where workspace_id = $1 and handle in
               (select 'acct' || i from generate_series($2::int, $3::int) i)) a,
            generate_series(0, $4::int - 1) d
       where (abs(hashtext(a.handle || d::text)) % 97) <> 0`,
      [WORKSPACE, from, Math.min(ACCOUNTS, from + chunk - 1), DAYS],
    );
  }
  await connection.runner.exec("analyze");
}

async function measure(connection: Connection, workspaceId: string, userId: string) {
  const query = listAccountsQuerySchema.parse({});
  const scope = { workspaceId, timezone: "UTC", now: new Date() };
  const page = () => runAsUser(connection, { sub: userId }, (tx) => listAccounts(tx, { scope, query }));
  const trivial = () => runAsUser(connection, { sub: userId }, (tx) => tx.execute(sql`select 1`));
  const first = await page();
  if (first.rows.length !== Math.min(50, first.total) || first.total === 0) throw new Error("the query returned no rows");
  await timeMany(10, page);
  await timeMany(10, trivial);
  const pageSamples = await timeMany(ITERATIONS, page);
  const trivialSamples = await timeMany(ITERATIONS, trivial);
  const plan = await runAsUser(connection, { sub: userId }, async (tx) =>
    rowsOf<Record<string, string>>(await tx.execute(sql`explain ${accountsPageQuery(scope, query)}`))
      .map((row) => Object.values(row)[0])
      .join("\n"),
  );
  const p50 = percentile(pageSamples, 50);
  const p95 = percentile(pageSamples, 95);
  const base50 = percentile(trivialSamples, 50);
  return {
    accounts: first.total,
    p50Ms: round(p50),
    p95Ms: round(p95),
    select1P50Ms: round(base50),
    select1P95Ms: round(percentile(trivialSamples, 95)),
    ratioP50: round(p50 / base50, 1),
    seqScanOfSnapshots: /Seq Scan on account_snapshots/.test(plan),
    plan,
  };
}

async function main() {
  const results: Record<string, unknown>[] = [];
  for (const engine of engines) {
    if (values.demo) {
      // The demo dataset gets a database of its own, so the generated workspace is measured alone.
      const db = await createBenchDatabase(engine);
      try {
        const { seedDemo } = await import("@/lib/demo/seed-demo");
        const { mkdtemp } = await import("node:fs/promises");
        const { tmpdir } = await import("node:os");
        const path = await import("node:path");
        await seedDemo(db.connection, { storageRoot: await mkdtemp(path.join(tmpdir(), "reach-bench-")) });
        await db.connection.runner.exec("analyze");
        const [demo] = await db.connection.runner.query<{ workspace_id: string; user_id: string }>(
          "select m.workspace_id, m.user_id from workspace_members m join workspaces w on w.id = m.workspace_id where w.slug = 'demo' and m.role = 'viewer' limit 1",
        );
        if (!demo) throw new Error("demo workspace missing");
        const result = await measure(db.connection, demo.workspace_id, demo.user_id);
        results.push({ engine, dataset: "demo", ...result });
        console.error(`${engine} demo: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms`);
      } finally {
        await db.drop();
      }
    }
    const db = await createBenchDatabase(engine);
    try {
      const started = performance.now();
      await generateWorkspace(db.connection);
      console.error(`${engine}: generated ${ACCOUNTS} × ${DAYS} in ${round((performance.now() - started) / 1000, 1)} s`);
      const result = await measure(db.connection, WORKSPACE, VIEWER);
      results.push({ engine, dataset: `${ACCOUNTS}x${DAYS}`, ...result });
      console.error(`${engine} ${ACCOUNTS}x${DAYS}: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms`);
    } finally {
      await db.drop();
    }
  }
  await mkdir("bench/results", { recursive: true });
  await writeFile("bench/results/accounts-page.json", JSON.stringify(results, null, 2));
  console.table(results.map(({ plan: _plan, ...row }) => row));
}

await main();
