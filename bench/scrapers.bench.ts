/**
 * npm run bench:scrapers [-- --part accounts|slides]
 * 1) 1,000 account scrapes (TikTok, Bluesky, Mastodon, Instagram in turn) against the fixture server at concurrency 10,
 *    next to a bare fetch of the same fixtures in the same run. 2) 1,000 slide downloads of 500 KB at concurrency 5.
 * The fixture server runs in a child process (scripts/fixtures.ts), so the RSS reported is the client side's alone.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import PQueue from "p-queue";
import { createScraperConfig } from "@/lib/scrapers/config";
import { createScraperContext, type ScraperContext } from "@/lib/scrapers/context";
import { UNTHROTTLED } from "@/tests/scrapers/test-scraper";

const SCRAPES = 1_000;
const SLIDES = 1_000;
const TARGETS: Array<[string, string, string, string]> = [
  ["tiktok", "reach.demo", "www.tiktok.com", "/@reach.demo"],
  ["bluesky", "reach.bsky.social", "public.api.bsky.app", "/xrpc/app.bsky.actor.getProfile?actor=reach.bsky.social"],
  ["mastodon", "reach@mastodon.social", "mastodon.social", "/api/v1/accounts/lookup?acct=reach"],
  ["instagram", "reach.demo", "www.instagram.com", "/api/v1/users/web_profile_info/?username=reach.demo"],
];

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function timed(count: number, concurrency: number, task: (i: number) => Promise<unknown>) {
  const queue = new PQueue({ concurrency });
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      queue.add(async () => {
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: count / seconds, p50: pct(latencies, 50), p95: pct(latencies, 95) };
}

interface FixtureProcess {
  origin: string;
  overrides: Map<string, string>;
  child: ChildProcess;
}

/** `npm run fixtures` on a free port, in its own process (same tsx loader); reads back the overrides line it prints. */
async function startFixtureProcess(): Promise<FixtureProcess> {
  const script = fileURLToPath(new URL("../scripts/fixtures.ts", import.meta.url));
  const child = spawn(process.execPath, [...process.execArgv, script, "--port", "0"], { stdio: ["ignore", "pipe", "ignore"] });
  const [line] = (await Promise.race([once(createInterface({ input: child.stdout! }), "line"), once(child, "exit")])) as [string];
  const value = typeof line === "string" ? line.replace(/^SCRAPER_ORIGIN_OVERRIDES=/, "") : "";
  const overrides = new Map(value.split(",").filter(Boolean).map((pair) => pair.split("=") as [string, string]));
  const origin = overrides.values().next().value;
  if (!origin) throw new Error("the fixture server process did not start");
  return { origin, overrides, child };
}

// RSS never shrinks back, so `-- --part slides` measures the download phase in a fresh process.
const part = process.argv.includes("--part") ? process.argv[process.argv.indexOf("--part") + 1] : "all";

async function accountPhase(ctx: ScraperContext, origin: string): Promise<string[]> {
  const { scrapeAccount } = await import("@/lib/scrapers/scrape-account");
  const target = (i: number) => TARGETS[i % TARGETS.length] ?? TARGETS[0]!;
  const bareFetch = (i: number) => fetch(`${origin}${target(i)[3]}`, { headers: { "x-forwarded-host": target(i)[2] } }).then((r) => r.text());
  // Warm both paths so JIT and keep-alive do not favour whichever runs second.
  await timed(100, 10, (i) => scrapeAccount(target(i)[0], target(i)[1], ctx));
  await timed(100, 10, bareFetch);
  const baseline = process.memoryUsage().rss;
  peakRss = baseline;
  const bare = await timed(SCRAPES, 10, bareFetch);
  const ours = await timed(SCRAPES, 10, (i) => scrapeAccount(target(i)[0], target(i)[1], ctx));
  return [
    `account scrapes (${SCRAPES}, concurrency 10, ${TARGETS.map(([p]) => p).join("/")}):`,
    `  ours:       ${ours.perSecond.toFixed(0)} scrapes/s, p50 ${ours.p50.toFixed(2)} ms, p95 ${ours.p95.toFixed(2)} ms`,
    `  bare fetch: ${bare.perSecond.toFixed(0)} req/s, p50 ${bare.p50.toFixed(2)} ms, p95 ${bare.p95.toFixed(2)} ms`,
    `  overhead ratio (our p50 / bare p50): ${(ours.p50 / bare.p50).toFixed(2)}x; throughput ratio ${(bare.perSecond / ours.perSecond).toFixed(2)}x`,
    `  RSS: ${mb(baseline)} after warm-up, peak ${mb(peakRss)}`,
  ];
}

async function slidePhase(ctx: ScraperContext): Promise<string[]> {
  const { createSlideDownloader } = await import("@/lib/scrapers/slides/download-slide");
  const download = createSlideDownloader(ctx);
  const url = "https://p16-sign-va.tiktokcdn-us.com/tos-maliva-i-photomode-us/bench~tplv-photomode-image.jpeg?x-expires=4102444800&x-signature=abc";
  const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });
  const baseline = process.memoryUsage().rss;
  peakRss = baseline;
  const slides = await timed(SLIDES, 5, () => download([url], discard));
  return [
    `slide downloads (${SLIDES} × 500 KB, concurrency 5): ${slides.perSecond.toFixed(0)}/s, p50 ${slides.p50.toFixed(2)} ms, p95 ${slides.p95.toFixed(2)} ms`,
    `  RSS: ${mb(baseline)} before the first download, peak ${mb(peakRss)}`,
  ];
}

async function main() {
  const fixtures = await startFixtureProcess();
  const ctx = createScraperContext(
    createScraperConfig({ timeoutMs: 10_000, retryMinMs: 5, retryMaxMs: 50, limits: UNTHROTTLED, originOverrides: fixtures.overrides, browser: { enabled: false } }),
  );
  try {
    const lines = part === "slides" ? [] : await accountPhase(ctx, fixtures.origin);
    if (part !== "accounts") lines.push(...(await slidePhase(ctx)));
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    clearInterval(sampler);
    await ctx.close();
    fixtures.child.kill();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
