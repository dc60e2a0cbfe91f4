import { describe, expect, it } from "vitest";
import { inferPlatform, parsePlatformName, profileUrlOf, resolveAccountIdentity } from "./account-identity";
import { exportInvalidRows } from "@/lib/csv/export-invalid-rows";
import { matchColumns } from "./preview-account-import";

describe("inferPlatform", () => {
  it.each([
    ["https://twitter.com/CDCgov", "x"],
    ["https://x.com/NIH?lang=en", "x"],
    ["www.instagram.com/cdcgov/", "instagram"],
    ["https://m.facebook.com/nih.gov/", "facebook"],
    ["https://www.youtube.com/@CDCgov", "youtube"],
    ["https://www.linkedin.com/company/hhs/", "linkedin"],
    ["https://www.tiktok.com/@cdcgov?lang=en", "tiktok"],
    ["https://truthsocial.com/@WhiteHouse", "truth_social"],
    ["https://bsky.app/profile/cdc.gov", "bluesky"],
    ["https://www.threads.net/@hhsgov", "threads"],
  ])("%s → %s", (url, platform) => expect(inferPlatform(url)).toBe(platform));

  it("answers null for bare handles, unknown hosts and garbage", () => {
    for (const input of ["@hhsgov", "nih.gov", "https://mastodon.social/@who", "not a url", "https://", ""]) expect(inferPlatform(input)).toBeNull();
  });
});

describe("platform names and identities", () => {
  it("accepts the names people type", () => {
    expect(parsePlatformName("Twitter")).toBe("x");
    expect(parsePlatformName("Truth Social")).toBe("truth_social");
    expect(parsePlatformName("truthsocial")).toBe("truth_social");
    expect(parsePlatformName(" TikTok ")).toBe("tiktok");
    expect(parsePlatformName("myspace")).toBeNull();
  });

  it("normalizes with extractHandle and explains refusals", () => {
    expect(resolveAccountIdentity("", "https://x.com/NIH?lang=en")).toEqual({ ok: true, platform: "x", handle: "nih", profileUrl: "https://x.com/nih" });
    expect(resolveAccountIdentity("youtube", "https://www.youtube.com/channel/UCxZ_pq8Nq6pbY0QDYcxUmYQ")).toMatchObject({
      ok: true,
      profileUrl: "https://www.youtube.com/channel/UCxZ_pq8Nq6pbY0QDYcxUmYQ",
    });
    expect(resolveAccountIdentity("myspace", "tom")).toEqual({ ok: false, reason: expect.stringMatching(/unknown platform "myspace"/) });
    expect(resolveAccountIdentity("x", "  ")).toEqual({ ok: false, reason: "the handle is empty" });
    expect(resolveAccountIdentity("", "hhsgov")).toEqual({ ok: false, reason: expect.stringMatching(/cannot be inferred/) });
    expect(resolveAccountIdentity("x", "https://www.instagram.com/cdcgov/")).toEqual({ ok: false, reason: "this is a instagram URL, not a x one" });
  });

  it("builds profile URLs for every canonical form", () => {
    expect(profileUrlOf("mastodon", "who@mastodon.social")).toBe("https://mastodon.social/@who");
    expect(profileUrlOf("linkedin", "in/jane")).toBe("https://www.linkedin.com/in/jane/");
    expect(profileUrlOf("youtube", "user/Name")).toBe("https://www.youtube.com/user/Name");
    expect(profileUrlOf("facebook", "123456789")).toBe("https://www.facebook.com/profile.php?id=123456789");
  });
});

describe("matchColumns", () => {
  it("matches headers case-insensitively with synonyms, preferring the best-ranked one", () => {
    const { columns, ignored } = matchColumns(["Network", "Profile URL", "Name", "Agency", "Labels", "Flagship", "Notes", "Handle"]);
    expect(columns).toEqual({ platform: 0, handle: 7, displayName: 2, organization: 3, tags: 4, core: 5 });
    expect(ignored).toEqual(["Profile URL", "Notes"]);
    expect(matchColumns(["SITE", "link", "org", "IS_CORE"]).columns).toEqual({ platform: 0, handle: 1, organization: 2, core: 3 });
    expect(matchColumns(["display name", "department", "tags", "username"]).columns).toMatchObject({ displayName: 0, organization: 1, handle: 3 });
  });
});

describe("exportInvalidRows", () => {
  it("writes the original cells plus line and error, with formulas neutralized", () => {
    const csv = exportInvalidRows({
      headers: ["platform", "handle", "display_name"],
      invalid: [{ line: 3, cells: ["myspace", "tom", '=HYPERLINK("http://evil.example","x")'], reason: 'unknown platform "myspace"' }],
    });
    expect(csv).toBe(
      '\uFEFF"platform","handle","display_name","line","error"\r\n"myspace","tom","\'=HYPERLINK(""http://evil.example"",""x"")",3,"unknown platform ""myspace"""\r\n',
    );
  });
});
