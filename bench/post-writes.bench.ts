/**
 * What the triggers on tiktok_posts cost a write: single-post updates by id (views, a column no
 * rollup reads, a move to another set, the top post of its day losing views) and 1,000-post batches
 * (one statement, and 1,000 statements in one transaction), on a database of bench:overview's.
 * Every write is rolled back, so the database is left as it was.
 * Usage: npm run bench:post-writes -- --database-url postgres://…/<a database filled by bench:overview> [--iterations 100] [--no-migrate]
 */
import { mkdir, writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { openConnection } from "@/lib/db/client";
import type { SqlRunner } from "@/lib/db/sql-runner";
import { percentile, round } from "./stats";

const { values } = parseArgs({
  options: {
    "database-url": { type: "string" },
    iterations: { type: "string", default: "100" },
    batches: { type: "string", default: "5" },
    "no-migrate": { type: "boolean", default: false },
  },
});
if (!values["database-url"]) throw new Error("--database-url is required");
const ITERATIONS = Number(values.iterations);
const BATCHES = Number(values.batches);
const WORKSPACE = "00000000-0000-4000-8000-00000000a003";

class Rollback extends Error {}

/** The time of `work` inside a transaction that is then rolled back. */
async function timed(runner: SqlRunner, work: (tx: SqlRunner) => Promise<unknown>): Promise<number> {
  let elapsed = 0;
  try {
    await runner.transaction(async (tx) => {
      const started = performance.now();
      await work(tx);
      elapsed = performance.now() - started;
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return elapsed;
}

async function main() {
  const connection = await openConnection({ databaseUrl: values["database-url"]! }, { migrate: !values["no-migrate"] });
  const runner = connection.runner;
  try {
    const ids = (await runner.query<{ id: string }>("select id from tiktok_posts where workspace_id = $1 and posted_at is not null order by md5(id::text)", [WORKSPACE])).map(
      (row) => row.id,
    );
    if (ids.length < 2000) throw new Error("run bench:overview on this database first");
    // Each day's top post by views in its type group: lowering its views forces a recompute of that group-day.
    const tops = (
      await runner.query<{ id: string }>("select top_id as id from tiktok_group_posted_days where workspace_id = $1 and dimension = 'type' and key = 'true' order by date", [WORKSPACE])
    ).map((row) => row.id);
    let next = 0;
    const pick = () => ids[next++ % ids.length]!;
    const single: Record<string, (tx: SqlRunner) => Promise<unknown>> = {
      "one post's views": (tx) => tx.query("update tiktok_posts set views = views + 17 where id = $1", [pick()]),
      "one post's caption (no rollup reads it)": (tx) => tx.query("update tiktok_posts set caption = 'bench' where id = $1", [pick()]),
      "one post to another set": (tx) => tx.query("update tiktok_posts set set_id = 'SET-' || (abs(hashtext(id::text)) % 300 + 1) % 300 where id = $1", [pick()]),
      "a day's top post loses views": (tx) => tx.query("update tiktok_posts set views = views / 2 where id = $1", [tops[next++ % tops.length]]),
    };
    const results: Record<string, unknown>[] = [];
    const report = (name: string, samples: number[]) => {
      const row = { case: name, n: samples.length, p50Ms: round(percentile(samples, 50)), p95Ms: round(percentile(samples, 95)), loadAverage1m: round(loadavg()[0] ?? 0, 1) };
      console.error(`${name}: p50 ${row.p50Ms} ms, p95 ${row.p95Ms} ms (n ${row.n}), load ${row.loadAverage1m}`);
      results.push(row);
    };
    for (const [name, work] of Object.entries(single)) {
      for (let i = 0; i < 5; i++) await timed(runner, work);
      const samples: number[] = [];
      for (let i = 0; i < ITERATIONS; i++) samples.push(await timed(runner, work));
      report(name, samples);
    }
    const batch = () => Array.from({ length: 1000 }, pick);
    const oneStatement: number[] = [];
    const statements: number[] = [];
    for (let i = 0; i < BATCHES; i++) {
      oneStatement.push(await timed(runner, (tx) => tx.query("update tiktok_posts set views = views + 17 where id = any ($1::uuid[])", [batch()])));
      const posts = batch();
      statements.push(
        await timed(runner, async (tx) => {
          for (const id of posts) await tx.query("update tiktok_posts set views = views + 17 where id = $1", [id]);
        }),
      );
    }
    report("1,000 posts' views, one statement", oneStatement);
    report("1,000 posts' views, 1,000 statements in one transaction", statements);
    await mkdir("bench/results", { recursive: true });
    await writeFile("bench/results/post-writes.json", JSON.stringify(results, null, 2));
    console.table(results);
  } finally {
    await connection.close();
  }
}

await main();
