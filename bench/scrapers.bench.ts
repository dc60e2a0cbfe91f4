/**
 * npm run bench:scrapers
 * 1) 1,000 account scrapes (TikTok, Bluesky, Mastodon, Instagram in turn) against the fixture server at concurrency 10,
 *    next to a bare fetch of the same fixtures in the same run. 2) 1,000 slide downloads of 500 KB at concurrency 5.
 */
import { Writable } from "node:stream";
import PQueue from "p-queue";
import { createSlideDownloader } from "@/lib/scrapers/slides/download-slide";
import { scrapeAccount } from "@/lib/scrapers/scrape-account";
import { startTestScraper } from "@/lib/scrapers/testing/test-scraper";

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

// RSS never shrinks back, so `-- --part slides` measures the download phase in a fresh process.
const part = process.argv.includes("--part") ? process.argv[process.argv.indexOf("--part") + 1] : "all";

async function main() {
  const t = await startTestScraper({ timeoutMs: 10_000 });
  const lines: string[] = [];
  const target = (i: number) => TARGETS[i % TARGETS.length] ?? TARGETS[0]!;

  if (part !== "slides") {
  // Warm both paths so JIT and keep-alive do not favour whichever runs second.
  await timed(100, 10, (i) => scrapeAccount(target(i)[0], target(i)[1], t.ctx));
  await timed(100, 10, (i) => fetch(`${t.server.origin}${target(i)[3]}`, { headers: { "x-forwarded-host": target(i)[2] } }).then((r) => r.text()));

  peakRss = process.memoryUsage().rss;
  const bare = await timed(SCRAPES, 10, (i) => fetch(`${t.server.origin}${target(i)[3]}`, { headers: { "x-forwarded-host": target(i)[2] } }).then((r) => r.text()));
  const ours = await timed(SCRAPES, 10, (i) => scrapeAccount(target(i)[0], target(i)[1], t.ctx));
  lines.push(
    `account scrapes (${SCRAPES}, concurrency 10, ${TARGETS.map(([p]) => p).join("/")}):`,
    `  ours:       ${ours.perSecond.toFixed(0)} scrapes/s, p50 ${ours.p50.toFixed(2)} ms, p95 ${ours.p95.toFixed(2)} ms`,
    `  bare fetch: ${bare.perSecond.toFixed(0)} req/s, p50 ${bare.p50.toFixed(2)} ms, p95 ${bare.p95.toFixed(2)} ms`,
    `  overhead ratio (our p50 / bare p50): ${(ours.p50 / bare.p50).toFixed(2)}x; throughput ratio ${(bare.perSecond / ours.perSecond).toFixed(2)}x`,
    `  peak RSS (fixture server in the same process): ${mb(peakRss)}`,
  );
  }

  if (part === "accounts") return finish(lines, t);
  const download = createSlideDownloader(t.ctx);
  const url = "https://p16-sign-va.tiktokcdn-us.com/tos-maliva-i-photomode-us/bench~tplv-photomode-image.jpeg?x-expires=4102444800&x-signature=abc";
  const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });
  peakRss = process.memoryUsage().rss;
  const startRss = peakRss;
  const slides = await timed(SLIDES, 5, () => download([url], discard));
  const slideRss = peakRss;
  lines.push(`slide downloads (${SLIDES} × 500 KB, concurrency 5): ${slides.perSecond.toFixed(0)}/s, p50 ${slides.p50.toFixed(2)} ms, p95 ${slides.p95.toFixed(2)} ms, peak RSS ${mb(slideRss)} (${mb(startRss)} before the first download)`);
  return finish(lines, t);
}

async function finish(lines: string[], t: Awaited<ReturnType<typeof startTestScraper>>) {
  clearInterval(sampler);
  await t.close();
  process.stdout.write(`${lines.join("\n")}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
