import { describe, expect, it } from "vitest";
import { formatChange, formatCount, formatDuration } from "@/lib/format";

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
