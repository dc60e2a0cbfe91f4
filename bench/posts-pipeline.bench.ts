/**
 * npm run bench:posts [-- --posts 1000] [-- --engine postgres]
 * One post pipeline run over a connected sheet of N ready rows of distinct TikTok posts (the dev post
 * world: 60% slideshows of about 5 slides of about 300 KB) through the local runner: sync, scrape,
 * slides to local files, write-back. The fixture server and the fake Google answer at once in their
 * own process (so RSS is ours). Reports posts/min end to end, slides/s, peak RSS and Sheets write
 * requests per row; then the same run again the same day, which must load no page and download no slide.
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { sheetSources, workspaces } from "@/lib/db/schema";
import { DEFAULT_STATUS_VALUES } from "@/lib/domain/sheet-fields";
import { env } from "@/lib/env";
import type { JobDeps } from "@/lib/jobs/job-deps";
import { runPostsNow } from "@/lib/jobs/run-posts-now";
import { createScraperConfig } from "@/lib/scrapers/config";
import { createScraperContext } from "@/lib/scrapers/context";
import { UNTHROTTLED } from "@/tests/scrapers/test-scraper";
import { sheetPipelineStages } from "@/lib/services/posts/sheet-pipeline-stages";
import { detectMapping } from "@/lib/sheets/header-mapping";
import { createSheetsClient } from "@/lib/sheets/sheets-client";
import { sheetsConfigFromEnv } from "@/lib/sheets/sheets-config-from-env";
import { createLocalStorage } from "@/lib/storage/local-storage";
import { createBenchDatabase, type Engine } from "@/tests/db-harness";
import { BENCH_HEADERS, BENCH_SPREADSHEET_ID } from "@/tests/fakes/google-sheets/sample-sheet";
import { round } from "./stats";

const { values } = parseArgs({ options: { posts: { type: "string", default: "1000" }, engine: { type: "string", default: "pglite" } } });
const COUNT = Number(values.posts);
const ENGINE = values.engine as Engine;

async function startFixtureProcess() {
  const script = fileURLToPath(new URL("../scripts/fixtures.ts", import.meta.url));
  const child = spawn(process.execPath, [...process.execArgv, script, "--port", "0", "--bench-rows", String(COUNT)], { stdio: ["ignore", "pipe", "ignore"] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  // The script prints SCRAPER_ORIGIN_OVERRIDES=… then GOOGLE_APPLICATION_CREDENTIALS=….
  const printed = new Map<string, string>();
  while (printed.size < 2) {
    const next = await lines.next();
    if (next.done) throw new Error("the fixture server process did not start");
    const [name, ...value] = next.value.split("=");
    printed.set(name!, value.join("="));
  }
  const overrides = new Map((printed.get("SCRAPER_ORIGIN_OVERRIDES") ?? "").split(",").filter(Boolean).map((pair) => pair.split("=") as [string, string]));
  return { overrides, keyFile: printed.get("GOOGLE_APPLICATION_CREDENTIALS") ?? "", child };
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
  const dataDir = await mkdtemp(path.join(tmpdir(), "reach-bench-posts-"));
  // Request rates lifted (the bench measures our path, not politeness); slide concurrency stays at its default.
  const ctx = createScraperContext(createScraperConfig({ originOverrides: fixtures.overrides, limits: UNTHROTTLED, browser: { enabled: false }, maxRetries: 1 }));
  const storage = createLocalStorage({ dataDir, bucket: "slides" });
  try {
    const [workspace] = await db.insert(workspaces).values({ slug: "bench", name: "Bench", timezone: "UTC" }).returning({ id: workspaces.id });
    await db.insert(sheetSources).values({ workspaceId: workspace!.id, spreadsheetId: BENCH_SPREADSHEET_ID, tab: "Posts", headers: BENCH_HEADERS, headerMapping: detectMapping(BENCH_HEADERS), statusValues: { ...DEFAULT_STATUS_VALUES } });
    // The Sheets client at its default quota (60 writes a minute), through the same transport rewrite as production.
    const sheets = await createSheetsClient(
      sheetsConfigFromEnv({ ...env, GOOGLE_SERVICE_ACCOUNT_JSON: undefined, GOOGLE_APPLICATION_CREDENTIALS: fixtures.keyFile, SCRAPER_ORIGIN_OVERRIDES: fixtures.overrides }),
    );
    const postStages = sheetPipelineStages({ sheets: async () => sheets, scraper: () => ctx });
    const deps: JobDeps = { withDb: (fn) => fn(db), scraper: () => ctx, storage: () => storage, postStages, now: () => new Date(), snapshotLocalTime: null, retryBackoffMs: () => 100 };
    const baselineRssMb = Math.round(process.memoryUsage().rss / 2 ** 20);
    const measure = async (label: string) => {
      const rss = rssSampler();
      const started = performance.now();
      const run = await runPostsNow(deps, { workspace: "bench" });
      const seconds = (performance.now() - started) / 1000;
      const slides = run.counters.slidesStored ?? 0;
      const result = {
        label,
        seconds: round(seconds, 1),
        postsPerMinute: round((COUNT / seconds) * 60, 0),
        slidesPerSecond: round(slides / seconds, 0),
        megabytesStored: round((run.counters.slideBytes ?? 0) / 2 ** 20, 0),
        sheetWriteRequests: run.counters.sheetWriteRequests ?? 0,
        rowsPerWriteRequest: run.counters.sheetWriteRequests ? round((run.counters.rowsReady ?? 0) / run.counters.sheetWriteRequests, 0) : null,
        peakRssMb: rss.stop(),
        status: run.status,
        counters: run.counters,
      };
      console.error(JSON.stringify(result));
      return result;
    };
    const first = await measure("first run of the day");
    const second = await measure("second run the same day");
    const report = { engine: ENGINE, posts: COUNT, node: process.version, baselineRssMb, runs: [first, second] };
    console.log(JSON.stringify(report, null, 2));
    await mkdir(new URL("./results/", import.meta.url), { recursive: true });
    await writeFile(new URL(`./results/posts-pipeline-${ENGINE}.json`, import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await ctx.close();
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
    fixtures.child.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
