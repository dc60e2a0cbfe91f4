import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scrapeTiktokPost } from "./platforms/tiktok/post";
import { scrapeAccount } from "./scrape-account";
import { startTestScraper, type TestScraper } from "@/tests/scrapers/test-scraper";

let t: TestScraper;
beforeAll(async () => {
  // 30% of answers fail: 503, a reset connection, or an answer far slower than the 1.5 s timeout,
  // which a healthy answer stays well within even on a busy machine.
  t = await startTestScraper({ timeoutMs: 1_500, maxRetries: 6 }, { faults: { rate: 0.3, kinds: ["5xx", "reset", "slow"], slowMs: 10_000, seed: 7 } });
});
afterAll(() => t.close());

const ACCOUNTS: Array<[string, string]> = [
  ["tiktok", "reach.demo"],
  ["youtube", "@reachdemo"],
  ["instagram", "reach.demo"],
  ["facebook", "embeddeddemo"],
  ["linkedin", "reach-demo"],
  ["truth_social", "reachdemo"],
  ["bluesky", "reach.bsky.social"],
  ["threads", "reach.demo"],
  ["mastodon", "reach@mastodon.social"],
];

describe("with 30% of responses failing", () => {
  it("every scrape still succeeds within the retry budget", async () => {
    const runs = Array.from({ length: 4 }, () => ACCOUNTS.map(([platform, handle]) => scrapeAccount(platform, handle, t.ctx))).flat();
    const results = await Promise.all(runs);
    expect(results.every((metrics) => metrics.followers !== null)).toBe(true);
    const post = await scrapeTiktokPost("https://www.tiktok.com/@reach.demo/video/7300000000000000001", t.ctx);
    expect(post.views?.value).toBe(1_234_567);
  });
});
