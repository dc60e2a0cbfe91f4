/**
 * npm run bench:snapshots [-- --accounts 10000] [-- --engine postgres]
 * One snapshot run over N accounts on nine platforms, through the local runner, against the fixture
 * server in development mode (its own process, so RSS is ours): wall time, snapshots/s, peak RSS.
 * The same run then repeats with one-row-at-a-time snapshot writes and reports the ratio, and
 * times the write path alone (upserts of the same rows, batched vs one by one).
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { accounts, workspaces } from "@/lib/db/schema";
import type { Platform } from "@/lib/domain/platforms";
import type { JobDeps } from "@/lib/jobs/job-deps";
import { runSnapshotsNow } from "@/lib/jobs/run-snapshots-now";
import { createScraperConfig } from "@/lib/scrapers/config";
import { createScraperContext } from "@/lib/scrapers/context";
import { UNTHROTTLED } from "@/tests/scrapers/test-scraper";
import { KNOWN_POSTS_ONLY } from "@/lib/services/posts/pipeline-stages";
import { createLocalStorage } from "@/lib/storage/local-storage";
import { localDate } from "@/lib/domain/local-time";
import { upsertSnapshots, type SnapshotRow } from "@/lib/services/snapshots/upsert-snapshots";
import { createBenchDatabase, type Engine } from "@/tests/db-harness";
import { round } from "./stats";

const { values } = parseArgs({ options: { accounts: { type: "string", default: "10000" }, engine: { type: "string", default: "pglite" } } });
const COUNT = Number(values.accounts);
const ENGINE = values.engine as Engine;

// X needs a browser without an API token; every other platform is answered over HTTP by the dev mode.
const HANDLES: [Platform, (i: number) => string][] = [
  ["tiktok", (i) => `bench.${i}`],
  ["bluesky", (i) => `bench${i}.bsky.social`],
  ["mastodon", (i) => `bench${i}@mastodon.social`],
  ["truth_social", (i) => `bench${i}`],
  ["instagram", (i) => `bench.${i}`],
  ["threads", (i) => `bench.${i}`],
  ["youtube", (i) => `bench${i}`],
  ["linkedin", (i) => `bench-${i}`],
  ["facebook", (i) => `bench${i}`],
];

async function startFixtureProcess() {
  const script = fileURLToPath(new URL("../scripts/fixtures.ts", import.meta.url));
  const child = spawn(process.execPath, [...process.execArgv, script, "--port", "0"], { stdio: ["ignore", "pipe", "ignore"] });
  const [line] = (await Promise.race([once(createInterface({ input: child.stdout! }), "line"), once(child, "exit")])) as [string];
  const value = typeof line === "string" ? line.replace(/^SCRAPER_ORIGIN_OVERRIDES=/, "") : "";
  const overrides = new Map(value.split(",").filter(Boolean).map((pair) => pair.split("=") as [string, string]));
  if (overrides.size === 0) throw new Error("the fixture server process did not start");
  return { overrides, child };
}

function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return { stop: () => (clearInterval(timer), Math.round(peak / 2 ** 20)) };
}

async function main() {
  const fixtures = await startFixtureProcess();
  const database = await createBenchDatabase(ENGINE);
  const db = database.connection.db;
  const ctx = createScraperContext(createScraperConfig({ originOverrides: fixtures.overrides, limits: UNTHROTTLED, browser: { enabled: false }, maxRetries: 1 }));
  try {
    const [workspace] = await db.insert(workspaces).values({ slug: "bench", name: "Bench", timezone: "UTC" }).returning({ id: workspaces.id });
    const rows = Array.from({ length: COUNT }, (_, i) => {
      const [platform, handle] = HANDLES[i % HANDLES.length]!;
      return { workspaceId: workspace!.id, platform, handle: handle(i), isCore: i % 50 === 0 };
    });
    for (let i = 0; i < rows.length; i += 1_000) await db.insert(accounts).values(rows.slice(i, i + 1_000));

    const storage = createLocalStorage({ dataDir: path.join(tmpdir(), "reach-bench-snapshots"), bucket: "slides" });
    const deps: JobDeps = { withDb: (fn) => fn(db), scraper: () => ctx, storage: () => storage, postStages: KNOWN_POSTS_ONLY, now: () => new Date(), snapshotLocalTime: null, retryBackoffMs: () => 100 };
    // PGlite's WebAssembly heap alone is ~700 MB of RSS: report what the run adds on top of it.
    const baselineRssMb = Math.round(process.memoryUsage().rss / 2 ** 20);
    const measure = async (label: string, oneByOne: boolean) => {
      await db.execute(sql`delete from account_snapshots where workspace_id = ${workspace!.id}`);
      const rss = rssSampler();
      const started = performance.now();
      const run = await runSnapshotsNow({ ...deps, oneByOne }, { workspace: "bench" });
      const seconds = (performance.now() - started) / 1000;
      const result = { label, seconds: round(seconds, 1), perSecond: round(COUNT / seconds, 0), peakRssMb: rss.stop(), status: run.status, counters: run.counters };
      console.error(JSON.stringify(result));
      return result;
    };
    const batched = await measure("batched writes (one statement per batch of 50)", false);
    const rowByRow = await measure("one row per statement", true);

    // The write path alone, on the rows the run just wrote (upserted again: idempotent, so updates).
    const today = localDate("UTC", new Date());
    const snapshotRows: SnapshotRow[] = rows.slice(0, Math.min(COUNT, 5_000)).map((_, i) => ({
      accountId: "", workspaceId: workspace!.id, snapshotDate: today, followers: i, following: 1, posts: 2, likes: null, source: "api" as const, extra: {},
    }));
    const ids = await db.select({ id: accounts.id }).from(accounts).limit(snapshotRows.length);
    snapshotRows.forEach((row, i) => (row.accountId = ids[i]!.id));
    const timeWrites = async (oneByOne: boolean) => {
      const started = performance.now();
      for (let i = 0; i < snapshotRows.length; i += 50) await upsertSnapshots(db, { rows: snapshotRows.slice(i, i + 50), oneByOne });
      return performance.now() - started;
    };
    const writeBatched = await timeWrites(false);
    const writeOneByOne = await timeWrites(true);

    const report = {
      engine: ENGINE,
      accounts: COUNT,
      node: process.version,
      baselineRssMb,
      runs: [batched, rowByRow],
      endToEndRatio: round(rowByRow.seconds / batched.seconds, 2),
      writePathOnly: {
        rows: snapshotRows.length,
        batchedMs: round(writeBatched, 0),
        oneByOneMs: round(writeOneByOne, 0),
        ratio: round(writeOneByOne / writeBatched, 1),
      },
    };
    console.log(JSON.stringify(report, null, 2));
    await mkdir(new URL("./results/", import.meta.url), { recursive: true });
    await writeFile(new URL(`./results/snapshots-${ENGINE}.json`, import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await ctx.close();
    await database.drop();
    fixtures.child.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
