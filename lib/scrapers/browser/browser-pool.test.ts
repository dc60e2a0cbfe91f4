import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { scrapeAccount } from "../scrape-account";
import { startTestScraper, type TestScraper } from "@/tests/scrapers/test-scraper";
import { chromiumProcessGroups, chromiumProcesses } from "@/tests/scrapers/chromium-processes";

let t: TestScraper;
beforeAll(async () => {
  // Page loads keep a short timeout (the challenge test waits it out); the launch gets test-scraper's generous one.
  t = await startTestScraper({ browser: { enabled: true, timeoutMs: 3_000 } });
});
afterAll(() => t.close());

describe("browser fallback (real Chromium, routes rewritten to the fixture server)", () => {
  it("renders a JavaScript-only X profile and reads its counts", async () => {
    const metrics = await scrapeAccount("x", "browserdemo", t.ctx);
    expect(metrics).toMatchObject({ source: "browser", displayName: "Browser Demo", verified: true, followers: { value: 12_300, approximate: true, granularity: 100 }, following: { value: 1024, approximate: false } });
  });

  it("maps X's empty state to not_found", async () => {
    await expect(scrapeAccount("x", "nobody_here", t.ctx)).rejects.toMatchObject({ code: "not_found" });
  });

  it("retries TikTok's challenge once in the browser, then reports blocked", async () => {
    await expect(scrapeAccount("tiktok", "walled.demo", t.ctx)).rejects.toMatchObject({ code: "blocked", retryable: true });
  });

  it("leaves no Chromium process behind after closing", async () => {
    for (let i = 0; i < 5; i++) await scrapeAccount("x", "browserdemo", t.ctx);
    // Only this worker's browsers are counted: other test runs and builds on the machine do not matter.
    const groups = chromiumProcessGroups();
    expect(groups.size, "the pool keeps one browser").toBe(1);
    expect(chromiumProcesses(groups), "the counter sees the pool's browser").toBeGreaterThan(0);
    await t.ctx.browser.close();
    // Chromium's helpers exit a moment after the browser does; how long depends on the machine's load.
    await vi.waitFor(() => expect(chromiumProcesses(groups)).toBe(0), { timeout: 30_000, interval: 100 });
  });
});
