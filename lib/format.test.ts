import { describe, expect, it } from "vitest";
import { formatChange, formatCount, formatDuration, formatHandle } from "@/lib/format";

describe("format", () => {
  it("keeps not-reported, exact and approximate figures apart", () => {
    expect(formatCount(null)).toBe("—");
    expect(formatCount(0)).toBe("0");
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(formatCount(1200000, true)).toBe("≈1.2M");
  });
  it("signs changes and durations", () => {
    expect(formatChange(70)).toBe("+70");
    expect(formatChange(-1500)).toBe("−1,500");
    expect(formatChange(null)).toBe("—");
    expect(formatDuration(75_000)).toBe("1m 15s");
    expect(formatDuration(null)).toBe("—");
  });
});

describe("formatHandle", () => {
  it.each([
    ["x", "hhsgov", "@hhsgov"],
    ["youtube", "cdcgov", "@cdcgov"],
    ["youtube", "UCxZ_pq8Nq6pbY0QDYcxUmYQ", "channel UCxZ_pq8Nq6pbY0QDYcxUmYQ"],
    ["youtube", "c/NIHvideocasting", "c/NIHvideocasting"],
    ["mastodon", "nih@mastodon.social", "nih@mastodon.social"],
  ])("%s %s reads as %s", (platform, handle, shown) => {
    expect(formatHandle(platform, handle)).toBe(shown);
  });
});
