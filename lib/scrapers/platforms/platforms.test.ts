import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Count } from "../counts";
import { ScrapeError, type ScrapeErrorCode } from "../errors";
import { scrapeAccount } from "../scrape-account";
import { startTestScraper, type TestScraper } from "@/tests/scrapers/test-scraper";
import type { AccountMetrics } from "../types";

const CREDENTIALS = { youtubeApiKey: "test-key", xBearerToken: "test-token", facebookAccessToken: "test-token", threadsAccessToken: "test-token" };

let plain: TestScraper;
let keyed: TestScraper;
beforeAll(async () => {
  [plain, keyed] = await Promise.all([startTestScraper(), startTestScraper({ credentials: CREDENTIALS })]);
});
afterAll(() => Promise.all([plain.close(), keyed.close()]));

const exact = (value: number): Count => ({ value, approximate: false, granularity: 1 });
const rounded = (value: number, granularity: number): Count => ({ value, approximate: true, granularity });

type Case = [string, string, string, "plain" | "keyed", Partial<AccountMetrics>];

const successes: Case[] = [
  ["youtube", "older header layout", "https://www.youtube.com/@ReachDemo", "plain", { handle: "reachdemo", id: "UCabcdefghijklmnopqrstuv", displayName: "Reach Demo", followers: rounded(1_230_000, 10_000), posts: exact(1234), verified: true, source: "html" }],
  ["youtube", "page-header view-model layout", "@modeldemo", "plain", { handle: "modeldemo", followers: rounded(45_600, 100), posts: exact(321), verified: true }],
  ["youtube", "channel id URL", "https://www.youtube.com/channel/UCzyxwvutsrqponmlkjihgfe", "plain", { handle: "modeldemo", id: "UCzyxwvutsrqponmlkjihgfe" }],
  ["youtube", "legacy /c/ URL", "https://www.youtube.com/c/ReachDemo", "plain", { handle: "reachdemo", id: "UCabcdefghijklmnopqrstuv" }],
  ["youtube", "'No subscribers' is a real zero", "@newdemo", "plain", { followers: exact(0), posts: exact(1) }],
  ["youtube", "Data API (counts as strings, rounded to 3 figures)", "@reachdemo", "keyed", { handle: "reachdemo", followers: rounded(1_230_000, 10_000), posts: exact(1234), source: "api" }],
  ["youtube", "Data API by channel id", "UCabcdefghijklmnopqrstuv", "keyed", { handle: "reachdemo", id: "UCabcdefghijklmnopqrstuv", source: "api" }],
  ["youtube", "Data API hiddenSubscriberCount → null", "@hiddendemo", "keyed", { followers: null, posts: exact(12) }],
  ["x", "API v2 public_metrics", "https://x.com/ReachDemo", "keyed", { id: "1500000000000000001", followers: exact(54_321), following: exact(123), posts: exact(4567), likes: exact(9876), verified: true, private: false, source: "api" }],
  ["x", "protected account", "lockeddemo", "keyed", { private: true, followers: exact(12) }],
  ["instagram", "web_profile_info edges", "https://www.instagram.com/reach.demo/", "plain", { id: "1700000001", followers: exact(765_432), following: exact(210), posts: exact(1543), verified: true, private: false, source: "api" }],
  ["instagram", "newer plain count fields, private", "new.layout", "plain", { followers: exact(1200), posts: exact(44), private: true }],
  ["instagram", "walled API → og:description with rounded counts", "rounded.demo", "plain", { displayName: "Rounded Demo", followers: rounded(1_200_000, 100_000), following: exact(345), posts: exact(2345), source: "html" }],
  ["facebook", "Graph API", "https://www.facebook.com/reachdemo", "keyed", { followers: exact(51_234), likes: exact(45_678), verified: true, source: "api" }],
  ["facebook", "embedded page JSON", "embeddeddemo", "plain", { followers: exact(13_245), likes: exact(12_010), source: "html" }],
  ["facebook", "visible 'N followers' text", "textdemo", "plain", { followers: rounded(9100, 100), following: exact(12), likes: exact(8765) }],
  ["linkedin", "meta description + JSON-LD", "https://www.linkedin.com/company/reach-demo/", "plain", { displayName: "Reach Demo Inc", followers: exact(23_456), source: "html" }],
  ["linkedin", "rounded subline", "round-co", "plain", { displayName: "Round Co", followers: rounded(4500, 100) }],
  ["truth_social", "accounts lookup", "https://truthsocial.com/@reachdemo", "plain", { followers: exact(87_654), following: exact(43), posts: exact(2100), likes: null, verified: true, private: false, source: "api" }],
  ["truth_social", "locked account", "lockeddemo", "plain", { private: true }],
  ["bluesky", "getProfile", "https://bsky.app/profile/reach.bsky.social", "plain", { id: "did:plc:reachdemo1234567890abcd", followers: exact(23_456), following: exact(345), posts: exact(1234), likes: null, verified: true }],
  ["bluesky", "a profile without counts reports null, not 0", "fresh", "plain", { followers: null, following: null, posts: null, private: true }],
  ["threads", "embedded userData", "https://www.threads.net/@reach.demo", "plain", { id: "63000000001", followers: exact(45_678), following: null, verified: true, private: false, source: "html" }],
  ["threads", "private profile", "quiet.demo", "plain", { private: true, followers: exact(88) }],
  ["threads", "profile_lookup API", "api.demo", "keyed", { followers: exact(99_887), likes: exact(5544), source: "api" }],
  ["mastodon", "accounts lookup", "@reach@mastodon.social", "plain", { handle: "reach@mastodon.social", followers: exact(3456), following: exact(78), posts: exact(910) }],
  ["mastodon", "locked account", "quiet@mastodon.social", "plain", { private: true }],
];

const failures: Array<[string, string, string, "plain" | "keyed", ScrapeErrorCode]> = [
  ["youtube", "unknown channel", "@nobodyhere", "plain", "not_found"],
  ["youtube", "API: unknown handle", "@nobodyhere", "keyed", "not_found"],
  ["youtube", "API: quota exhausted", "@quotademo", "keyed", "rate_limited"],
  ["x", "API: unknown user", "nobody_here", "keyed", "not_found"],
  ["x", "API: suspended user", "gone_demo", "keyed", "not_found"],
  ["x", "no token and no browser", "reachdemo", "plain", "config"],
  ["instagram", "unknown user", "nobody.here", "plain", "not_found"],
  ["instagram", "login wall on API and page", "walled.demo", "plain", "login_required"],
  ["instagram", "'please wait' answer", "slow.down", "plain", "rate_limited"],
  ["facebook", "Graph: unknown page", "nobodyhere", "keyed", "not_found"],
  ["facebook", "Graph: throttled", "busydemo", "keyed", "rate_limited"],
  ["facebook", "unavailable page", "nobodyhere", "plain", "not_found"],
  ["facebook", "login wall", "walleddemo", "plain", "login_required"],
  ["linkedin", "unknown company", "nobody-here", "plain", "not_found"],
  ["linkedin", "HTTP 999", "denied-co", "plain", "blocked"],
  ["linkedin", "auth wall", "walled-co", "plain", "login_required"],
  ["truth_social", "unknown account", "nobodyhere", "plain", "not_found"],
  ["truth_social", "Cloudflare challenge without a browser", "walleddemo", "plain", "blocked"],
  ["bluesky", "unknown profile", "nobody.bsky.social", "plain", "not_found"],
  ["bluesky", "deactivated account", "gone.bsky.social", "plain", "not_found"],
  ["threads", "unknown profile", "nobody.here", "plain", "not_found"],
  ["threads", "login wall", "walled.demo", "plain", "login_required"],
  ["mastodon", "unknown account", "nobody@mastodon.social", "plain", "not_found"],
  ["mastodon", "instance that requires a token", "reach@closed.example", "plain", "login_required"],
  ["tiktok", "one-letter handle", "x", "plain", "invalid_input"],
  ["nowhere", "unknown platform", "x", "plain", "invalid_input"],
  ["instagram", "URL of another platform", "https://www.tiktok.com/@reach.demo", "plain", "invalid_input"],
  ["x", "handle with spaces", "reach demo", "plain", "invalid_input"],
  ["bluesky", "500-character handle", "a".repeat(500), "plain", "invalid_input"],
];

describe("account clients through the whole HTTP path", () => {
  it.each(successes)("%s: %s", async (platform, _label, input, which, expected) => {
    const metrics = await scrapeAccount(platform, input, (which === "plain" ? plain : keyed).ctx);
    expect(metrics).toMatchObject({ platform, ...expected });
  });

  it.each(failures)("%s: %s → error", async (platform, _label, input, which, code) => {
    const error = await scrapeAccount(platform, input, (which === "plain" ? plain : keyed).ctx).then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScrapeError);
    expect((error as ScrapeError).code).toBe(code);
  });

  it.each([
    ["youtube", "@busydemo", "www.youtube.com", "/@busydemo"],
    ["instagram", "busy.demo", "www.instagram.com", "/api/v1/users/web_profile_info/?username=busy.demo"],
    ["facebook", "busydemo", "www.facebook.com", "/busydemo"],
    ["linkedin", "busy-co", "www.linkedin.com", "/company/busy-co/"],
    ["truth_social", "busydemo", "truthsocial.com", "/api/v1/accounts/lookup?acct=busydemo"],
    ["bluesky", "busy.bsky.social", "public.api.bsky.app", "/xrpc/app.bsky.actor.getProfile?actor=busy.bsky.social"],
    ["threads", "busy.demo", "www.threads.com", "/@busy.demo"],
    ["mastodon", "busy@mastodon.social", "mastodon.social", "/api/v1/accounts/lookup?acct=busy"],
  ])("%s: a 429 is waited out and retried", async (platform, input, host, path) => {
    const metrics = await scrapeAccount(platform, input, plain.ctx);
    expect(metrics.followers).not.toBeNull();
    expect(plain.server.hits(host, path)).toBe(2);
  });

  it("x API: a 429 with x-rate-limit-reset is waited out", async () => {
    expect((await scrapeAccount("x", "busydemo", keyed.ctx)).followers).toEqual(exact(54_321));
    expect(keyed.server.hits("api.x.com", "/2/users/by/username/busydemo")).toBe(2);
  });

  it("tries a permanent 404 exactly once", async () => {
    const before = plain.server.hits("mastodon.social", "/api/v1/accounts/lookup?acct=nobody");
    await scrapeAccount("mastodon", "nobody@mastodon.social", plain.ctx).catch(() => undefined);
    expect(plain.server.hits("mastodon.social", "/api/v1/accounts/lookup?acct=nobody") - before).toBe(1);
  });
});
