import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Platform } from "@/lib/domain/platforms";
import { scrapeAccount } from "@/lib/scrapers/scrape-account";
import { startTestScraper, type TestScraper } from "./test-scraper";

// X needs a browser without an API token; the browser is off in these tests.
const HANDLES: [Platform, string, string][] = [
  ["tiktok", "cdc.gov", "who"],
  ["bluesky", "hhs.bsky.social", "nih.bsky.social"],
  ["mastodon", "nih@mastodon.social", "cdc@mastodon.social"],
  ["truth_social", "hhsgov", "cdcgov"],
  ["instagram", "hhsgov", "cdcgov"],
  ["threads", "hhsgov", "cdcgov"],
  ["youtube", "@HHSgov", "https://www.youtube.com/channel/UCxZ_pq8Nq6pbY0QDYcxUmYQ"],
  ["linkedin", "hhs", "national-institutes-of-health"],
  ["facebook", "HHS", "nih.gov"],
];

describe("fixture server development mode", () => {
  let scraper: TestScraper;
  beforeAll(async () => {
    scraper = await startTestScraper({ maxRetries: 0 }, { anyAccount: true });
  });
  afterAll(() => scraper.close());

  it.each(HANDLES)("answers any %s handle with a normal account whose numbers are stable per handle", async (platform, first, second) => {
    const a = await scrapeAccount(platform, first, scraper.ctx);
    const again = await scrapeAccount(platform, first, scraper.ctx);
    const b = await scrapeAccount(platform, second, scraper.ctx);
    expect(a.followers?.value).toBeGreaterThan(0);
    expect(again.followers).toEqual(a.followers);
    expect(b.followers?.value).not.toBe(a.followers?.value);
  });

  it("keeps the specific fixtures first", async () => {
    await expect(scrapeAccount("tiktok", "nobody.here", scraper.ctx)).rejects.toMatchObject({ code: "not_found" });
    expect((await scrapeAccount("tiktok", "reach.demo", scraper.ctx)).followers?.value).toBe(1234567);
  });
});
