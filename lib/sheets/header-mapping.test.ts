import { describe, expect, it } from "vitest";
import { detectMapping, resolveColumns } from "./header-mapping";
import { parseSheetRow, sheetPostKey } from "./sheet-row";
import { statusMatches } from "./status-values";

describe("detectMapping", () => {
  it("matches headers case- and space-insensitively", () => {
    expect(detectMapping(["  tiktok   url ", "CREATOR", "set id", "Posted By", "post type", " status"])).toEqual({
      url: "  tiktok   url ",
      creator: "CREATOR",
      set: "set id",
      va: "Posted By",
      type: "post type",
      status: " status",
    });
  });

  it("knows every synonym, including the write-back columns", () => {
    expect(detectMapping(["Link", "Assistant", "Format", "Views", "Likes", "Comments", "Shares", "Saves", "Slides", "Last Scraped", "Notes"])).toEqual({
      url: "Link",
      va: "Assistant",
      type: "Format",
      views: "Views",
      likes: "Likes",
      comments: "Comments",
      shares: "Shares",
      saves: "Saves",
      slides: "Slides",
      lastScraped: "Last Scraped",
      error: "Notes",
    });
    expect(detectMapping(["Video URL", "Reason"])).toEqual({ url: "Video URL", error: "Reason" });
  });

  it("prefers the most specific URL header and leaves a missing URL column unmapped", () => {
    expect(detectMapping(["URL", "TikTok URL"]).url).toBe("TikTok URL");
    expect(detectMapping(["Creator", "Status", "Caption"]).url).toBeUndefined();
  });

  it("finds mapped columns again after a column is inserted before them", () => {
    const mapping = detectMapping(["URL", "Status"]);
    expect(resolveColumns(mapping, ["New", "url", "STATUS"]).columns).toEqual({ url: 1, status: 2 });
    expect(resolveColumns(mapping, ["URL"]).missing).toEqual(["Status"]);
  });
});

describe("sheet rows", () => {
  const columns = { url: 0, creator: 1, status: 2 };

  it("accepts /video/ and /photo/ URLs with a query string and vm./vt. short links", () => {
    for (const url of [
      "https://www.tiktok.com/@reach.demo/video/7300000000000000001?is_from_webapp=1&sender_device=pc",
      "https://www.tiktok.com/@reach.demo/photo/7300000000000000002",
      "https://vm.tiktok.com/ZMreach01/",
      "vt.tiktok.com/ZSreach02/",
    ]) {
      expect(parseSheetRow(2, [url, "ana", "Ready to Scrape"], columns).ok, url).toBe(true);
    }
  });

  it("gives a clear reason for another site's URL and for a 10 KB cell", () => {
    const other = parseSheetRow(3, ["https://www.instagram.com/p/abc/", "ana"], columns);
    expect(other).toMatchObject({ ok: false, row: { rowNumber: 3, reason: expect.stringContaining("www.instagram.com is not a TikTok host") } });
    const huge = parseSheetRow(4, [`https://www.tiktok.com/@a/video/1${"9".repeat(10_240)}`], columns);
    expect(huge).toMatchObject({ ok: false, row: { reason: expect.stringMatching(/Post URL cell is 10,27\d characters; a post URL is at most 2,048/) } });
    const longCreator = parseSheetRow(5, ["https://www.tiktok.com/@a/video/7300000000000000001", "x".repeat(10_240)], columns);
    expect(longCreator).toMatchObject({ ok: false, row: { reason: "the Creator cell is 10,240 characters; at most 1,000" } });
  });

  it("keys rows by post id, so the same post with and without a query string is one post", () => {
    expect(sheetPostKey("https://www.tiktok.com/@a/video/7300000000000000001?lang=en")).toBe(sheetPostKey("tiktok.com/@a/photo/7300000000000000001"));
    expect(sheetPostKey("https://vm.tiktok.com/ZMreach01")).toBe(sheetPostKey("https://vm.tiktok.com/ZMreach01/"));
    expect(sheetPostKey("not a url")).not.toBe(sheetPostKey("https://vm.tiktok.com/ZMreach01/"));
  });

  it("matches the ready status ignoring case and surrounding spaces", () => {
    expect(statusMatches("  ready TO scrape ", "Ready to Scrape")).toBe(true);
    expect(statusMatches("Ready", "Ready to Scrape")).toBe(false);
    expect(statusMatches(undefined, "Ready to Scrape")).toBe(false);
  });
});
