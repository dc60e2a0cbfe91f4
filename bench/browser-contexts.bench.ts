/**
 * npm run bench:browser [-- --scrapes 1000]
 * Scrapes through the browser fallback (one shared Chromium, a fresh context per scrape) against the
 * fixture server and counts Chromium processes before, during and after: none may be left behind.
 */
import { parseArgs } from "node:util";
import { scrapeAccount } from "@/lib/scrapers/scrape-account";
import { startTestScraper } from "@/tests/scrapers/test-scraper";
import { percentile, round, timeMany } from "./stats";
import { chromiumProcesses } from "@/tests/scrapers/chromium-processes";

const { values } = parseArgs({ options: { scrapes: { type: "string", default: "1000" } } });
const SCRAPES = Number(values.scrapes);

async function main() {
  const before = chromiumProcesses();
  const scraper = await startTestScraper({ browser: { enabled: true, timeoutMs: 10_000 } });
  let peakRss = process.memoryUsage().rss;
  let peakProcesses = 0;
  const started = performance.now();
  const samples = await timeMany(SCRAPES, async () => {
    const metrics = await scrapeAccount("x", "browserdemo", scraper.ctx);
    if (metrics.source !== "browser") throw new Error(`expected a browser scrape, got ${metrics.source}`);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  });
  const seconds = (performance.now() - started) / 1000;
  peakProcesses = chromiumProcesses();
  await scraper.close();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const after = chromiumProcesses();
  const result = {
    scrapes: SCRAPES,
    seconds: round(seconds, 1),
    perSecond: round(SCRAPES / seconds, 1),
    p50Ms: round(percentile(samples, 50)),
    p95Ms: round(percentile(samples, 95)),
    peakRssMb: round(peakRss / 1024 / 1024, 0),
    chromiumBefore: before,
    chromiumAtEnd: peakProcesses,
    chromiumAfterClose: after,
    leaked: Math.max(0, after - before),
  };
  console.table([result]);
  if (result.leaked > 0) process.exitCode = 1;
}

await main();
