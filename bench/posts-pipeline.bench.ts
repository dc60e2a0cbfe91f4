/**
 * npm run bench:posts [-- --posts 1000] [-- --engine postgres]
 * One post pipeline run over N TikTok posts (the dev post world: 60% slideshows of about 5 slides
 * of about 300 KB) through the local runner, against the fixture server answering at once in its
 * own process (so RSS is ours), slides to local files: posts/min end to end, slides/s, peak RSS.
 * Then the same run again the same day, which must load no page and download no slide.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { tiktokPosts, workspaces } from "@/lib/db/schema";
import type { JobDeps } from "@/lib/jobs/job-deps";
import { runPostsNow } from "@/lib/jobs/run-posts-now";
import { createScraperConfig } from "@/lib/scrapers/config";
import { createScraperContext } from "@/lib/scrapers/context";
import { UNTHROTTLED } from "@/tests/scrapers/test-scraper";
import { KNOWN_POSTS_ONLY } from "@/lib/services/posts/pipeline-stages";
import { createLocalStorage } from "@/lib/storage/local-storage";
import { createTestDatabase, type Engine } from "@/tests/db-harness";
import { round } from "./stats";

const { values } = parseArgs({ options: { posts: { type: "string", default: "1000" }, engine: { type: "string", default: "pglite" } } });
const COUNT = Number(values.posts);
const ENGINE = values.engine as Engine;

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
  const database = await createTestDatabase(ENGINE);
  const db = database.connection.db;
  const dataDir = await mkdtemp(path.join(tmpdir(), "reach-bench-posts-"));
  // Request rates lifted (the bench measures our path, not politeness); slide concurrency stays at its default.
  const ctx = createScraperContext(createScraperConfig({ originOverrides: fixtures.overrides, limits: UNTHROTTLED, browser: { enabled: false }, maxRetries: 1 }));
  const storage = createLocalStorage({ dataDir, bucket: "slides" });
  try {
    const [workspace] = await db.insert(workspaces).values({ slug: "bench", name: "Bench", timezone: "UTC" }).returning({ id: workspaces.id });
    const rows = Array.from({ length: COUNT }, (_, i) => {
      const postId = `7340${String(i).padStart(15, "0")}`;
      return { workspaceId: workspace!.id, postId, url: `https://www.tiktok.com/@bench.${i % 50}/video/${postId}`, sheetRow: i + 2 };
    });
    for (let i = 0; i < rows.length; i += 1_000) await db.insert(tiktokPosts).values(rows.slice(i, i + 1_000));

    const deps: JobDeps = { withDb: (fn) => fn(db), scraper: () => ctx, storage: () => storage, postStages: KNOWN_POSTS_ONLY, now: () => new Date(), snapshotLocalTime: null, retryBackoffMs: () => 100 };
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
