import { describe, expect, it } from "vitest";
import { ScrapeError } from "./errors";
import { extractHandle } from "./handles";
import type { Platform } from "@/lib/domain/platforms";

const cases: Array<[Platform, string, string]> = [
  ["tiktok", "@Reach.Demo", "reach.demo"],
  ["tiktok", "https://www.tiktok.com/@reach.demo?lang=en", "reach.demo"],
  ["tiktok", "m.tiktok.com/@reach.demo/", "reach.demo"],
  ["tiktok", "https://www.tiktok.com/@reach.demo/video/7300000000000000001", "reach.demo"],
  ["x", "https://twitter.com/ReachDemo", "reachdemo"],
  ["x", "https://x.com/reachdemo/status/1?s=20", "reachdemo"],
  ["x", "https://mobile.twitter.com/reachdemo/", "reachdemo"],
  ["x", "@reach_demo", "reach_demo"],
  ["instagram", "https://www.instagram.com/reach.demo/?hl=en", "reach.demo"],
  ["instagram", "instagram.com/reach.demo", "reach.demo"],
  ["threads", "https://www.threads.net/@reach.demo", "reach.demo"],
  ["threads", "https://www.threads.com/@reach.demo/post/abc", "reach.demo"],
  ["facebook", "https://m.facebook.com/reachdemo/", "reachdemo"],
  ["facebook", "https://www.facebook.com/CDC", "cdc"],
  ["facebook", "https://www.facebook.com/profile.php?id=100000000000001", "100000000000001"],
  ["facebook", "https://web.facebook.com/pages/Reach-Demo/123456789012", "123456789012"],
  ["linkedin", "https://uk.linkedin.com/company/reach-demo/about/", "reach-demo"],
  ["linkedin", "https://www.linkedin.com/in/jane-doe-123/", "in/jane-doe-123"],
  ["linkedin", "reach-demo", "reach-demo"],
  ["youtube", "https://www.youtube.com/@ReachDemo/videos", "reachdemo"],
  ["youtube", "https://m.youtube.com/channel/UCabcdefghijklmnopqrstuv", "UCabcdefghijklmnopqrstuv"],
  ["youtube", "https://www.youtube.com/c/ReachDemo", "c/ReachDemo"],
  ["youtube", "https://www.youtube.com/user/ReachDemo?sub_confirmation=1", "user/ReachDemo"],
  ["youtube", "@ReachDemo", "reachdemo"],
  ["youtube", "reachdemo", "reachdemo"],
  ["youtube", "@UCabcdefghijklmnopqrstuv", "ucabcdefghijklmnopqrstuv"],
  ["youtube", "UCabcdefghijklmnopqrstuv", "UCabcdefghijklmnopqrstuv"],
  ["youtube", "c/ReachDemo", "c/ReachDemo"],
  ["truth_social", "https://truthsocial.com/@reachdemo", "reachdemo"],
  ["bluesky", "https://bsky.app/profile/reach.bsky.social", "reach.bsky.social"],
  ["bluesky", "reach", "reach.bsky.social"],
  ["bluesky", "did:plc:reachdemo1234567890abcd", "did:plc:reachdemo1234567890abcd"],
  ["mastodon", "@reach@Mastodon.Social", "reach@mastodon.social"],
  ["mastodon", "https://fosstodon.org/@reach", "reach@fosstodon.org"],
];

function reason(platform: Platform, input: string): string {
  try {
    extractHandle(platform, input);
  } catch (error) {
    expect(error).toBeInstanceOf(ScrapeError);
    expect((error as ScrapeError).code).toBe("invalid_input");
    return (error as ScrapeError).message;
  }
  throw new Error(`expected ${input} to be refused`);
}

describe("extractHandle", () => {
  it.each(cases)("%s %s → %s", (platform, input, expected) => {
    expect(extractHandle(platform, input)).toBe(expected);
  });

  it.each(cases)("%s %s: the canonical handle is a fixed point", (platform, _input, expected) => {
    expect(extractHandle(platform, expected)).toBe(expected);
  });

  it("refuses bad input with a reason", () => {
    expect(reason("tiktok", "reach demo")).toMatch(/spaces/);
    expect(reason("tiktok", "a".repeat(500))).toMatch(/longer/);
    expect(reason("tiktok", "https://twitter.com/reachdemo")).toMatch(/x URL/);
    expect(reason("x", "https://example.com/reachdemo")).toMatch(/not a x host/);
    expect(reason("x", "https://x.com/home")).toMatch(/not a profile/);
    expect(reason("mastodon", "reach")).toMatch(/user@instance/);
    expect(reason("youtube", "https://www.youtube.com/watch?v=abc")).toMatch(/channel URL/);
    expect(reason("tiktok", "http://[::1")).toMatch(/URL/);
    expect(reason("instagram", "")).toMatch(/empty/);
  });
});
