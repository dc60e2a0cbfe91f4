import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScrapeError } from "../../errors";
import { startTestScraper, type TestScraper } from "@/tests/scrapers/test-scraper";
import { scrapeTiktokAccount } from "./account";
import { scrapeTiktokPost } from "./post";

let t: TestScraper;
beforeAll(async () => {
  t = await startTestScraper();
});
afterAll(() => t.close());

async function failure(promise: Promise<unknown>): Promise<ScrapeError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ScrapeError);
  return error as ScrapeError;
}

const exact = (value: number) => ({ value, approximate: false, granularity: 1 });

describe("TikTok account", () => {
  it("reads user and stats from the rehydration JSON", async () => {
    expect(await scrapeTiktokAccount("reach.demo", t.ctx)).toEqual({
      platform: "tiktok",
      handle: "reach.demo",
      id: "6800000000000000001",
      displayName: "Reach Demo",
      followers: exact(1_234_567),
      following: exact(321),
      posts: exact(210),
      likes: exact(98_765_432),
      verified: true,
      private: false,
      source: "html",
    });
  });

  it("prefers statsV2 strings, which stay exact past 32 bits", async () => {
    expect((await scrapeTiktokAccount("big.demo", t.ctx)).followers).toEqual(exact(3_000_000_001));
  });

  it("reads the legacy SIGI_STATE layout", async () => {
    const metrics = await scrapeTiktokAccount("legacy.demo", t.ctx);
    expect(metrics.followers).toEqual(exact(4321));
    expect(metrics.displayName).toBe("Legacy Demo");
  });

  it("still reports a private account's counts, flagged private", async () => {
    const metrics = await scrapeTiktokAccount("private.demo", t.ctx);
    expect(metrics.private).toBe(true);
    expect(metrics.posts).toEqual(exact(14));
  });

  it("maps statusCode 10221 to not_found after one request", async () => {
    const error = await failure(scrapeTiktokAccount("nobody.here", t.ctx));
    expect([error.code, error.retryable]).toEqual(["not_found", false]);
    expect(t.server.hits("www.tiktok.com", "/@nobody.here")).toBe(1);
  });

  it("reports the proof-of-work wall as blocked (retryable) when no browser is allowed", async () => {
    const error = await failure(scrapeTiktokAccount("walled.demo", t.ctx));
    expect([error.code, error.retryable]).toEqual(["blocked", true]);
  });

  it("waits out a 429 with Retry-After and then succeeds", async () => {
    t.waits.length = 0;
    const metrics = await scrapeTiktokAccount("busy.demo", t.ctx);
    expect(metrics.followers).toEqual(exact(1_234_567));
    expect(t.server.hits("www.tiktok.com", "/@busy.demo")).toBe(2);
    expect(t.waits).toContain(1_000);
  });
});

describe("TikTok post", () => {
  it("reads a video's metrics, caption, hashtags, mentions, music and author", async () => {
    const post = await scrapeTiktokPost("https://www.tiktok.com/@reach.demo/video/7300000000000000001?is_from_webapp=1", t.ctx);
    expect(post).toMatchObject({
      postId: "7300000000000000001",
      url: "https://www.tiktok.com/@reach.demo/video/7300000000000000001",
      author: { id: "6800000000000000001", uniqueId: "reach.demo", nickname: "Reach Demo", followers: exact(1_234_567) },
      caption: "Launch day recap 🚀 #analytics #socialmedia @friend.one",
      hashtags: ["analytics", "socialmedia"],
      mentions: ["friend.one"],
      duration: 23,
      music: { id: "7200000000000000001", title: "original sound - reach.demo", author: "Reach Demo" },
      views: exact(1_234_567),
      likes: exact(45_600),
      comments: exact(1_234),
      shares: exact(789),
      saves: exact(321),
      isSlideshow: false,
      slides: [],
    });
    expect(post.postedAt?.toISOString()).toBe("2024-06-10T06:13:20.000Z");
  });

  it("reads a slideshow from its /photo/ URL: music duration, every mirror, expiry", async () => {
    const post = await scrapeTiktokPost("https://www.tiktok.com/@reach.demo/photo/7300000000000000002", t.ctx);
    expect(post.isSlideshow).toBe(true);
    expect(post.duration).toBe(42);
    expect(post.views).toEqual(exact(98_000));
    expect(post.slides).toHaveLength(3);
    const [first] = post.slides;
    expect(first?.index).toBe(0);
    expect(first?.urls).toHaveLength(2);
    // Signed URLs are kept byte-for-byte: %2B and %3D must not be decoded.
    expect(first?.urls[0]).toContain("x-signature=Ab%2Bcd%3D");
    expect([first?.width, first?.height]).toEqual([1080, 1440]);
    expect(first?.expiresAt?.toISOString()).toBe("2100-01-01T00:00:00.000Z");
    expect(t.server.hits("www.tiktok.com", "/@reach.demo/video/7300000000000000002")).toBeGreaterThan(0);
  });

  it("follows vm. and vt. short links", async () => {
    expect((await scrapeTiktokPost("https://vm.tiktok.com/ZMreach01/", t.ctx)).postId).toBe("7300000000000000001");
    const slideshow = await scrapeTiktokPost("vt.tiktok.com/ZSreach02/", t.ctx);
    expect([slideshow.postId, slideshow.isSlideshow]).toEqual(["7300000000000000002", true]);
  });

  it.each([
    ["7300000000000000003", "private"],
    ["7300000000000000004", "region_locked"],
    ["7300000000000000005", "not_found"],
    ["7300000000000000006", "login_required"],
  ])("maps post %s to %s", async (id, code) => {
    const error = await failure(scrapeTiktokPost(`https://www.tiktok.com/@reach.demo/video/${id}`, t.ctx));
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(false);
  });

  it("refuses URLs that are not TikTok posts", async () => {
    for (const input of ["https://www.tiktok.com/@reach.demo", "https://x.com/a/status/1", "not a url", `https://www.tiktok.com/@a/video/${"9".repeat(3000)}`]) {
      expect((await failure(scrapeTiktokPost(input, t.ctx))).code).toBe("invalid_input");
    }
  });
});
