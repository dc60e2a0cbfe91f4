import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countFromJson, parseCount } from "./counts";

describe("parseCount", () => {
  it.each([
    ["1.2M", 1_200_000, true, 100_000],
    ["12,345", 12_345, false, 1],
    ["1,2 M", 1_200_000, true, 100_000],
    ["15.3K followers", 15_300, true, 100],
    ["No subscribers", 0, false, 1],
    ["1.234", 1_234, false, 1],
    ["3 million", 3_000_000, true, 1_000_000],
    ["1.5B views", 1_500_000_000, true, 100_000_000],
    ["12K", 12_000, true, 1_000],
    ["1\u00a0234\u00a0567", 1_234_567, false, 1],
    ["45.6K subscribers", 45_600, true, 100],
  ])("%s → %d", (text, value, approximate, granularity) => {
    expect(parseCount(text)).toEqual({ value, approximate, granularity });
  });

  it("returns null, never 0, for text without a number", () => {
    expect(parseCount("followers")).toBeNull();
    expect(parseCount("")).toBeNull();
    expect(parseCount("K")).toBeNull();
  });

  it("reads any exact integer back from en-US grouping", () => {
    fc.assert(
      fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(parseCount(n.toLocaleString("en-US"))).toEqual({ value: n, approximate: false, granularity: 1 });
      }),
    );
  });

  it("reads compact notation back within one granularity step of the true number", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000, max: 999_000_000_000 }), (n) => {
        const text = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(n);
        const parsed = parseCount(text);
        expect(parsed?.approximate).toBe(true);
        expect(Math.abs((parsed?.value ?? 0) - n)).toBeLessThanOrEqual(parsed?.granularity ?? 0);
      }),
    );
  });

  it("treats a comma as the decimal mark when a unit follows", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 9 }), fc.constantFrom("K", "M", "B"), (whole, tenth, unit) => {
        const multiplier = { K: 1e3, M: 1e6, B: 1e9 }[unit];
        expect(parseCount(`${whole},${tenth} ${unit}`)?.value).toBe(Math.round((whole + tenth / 10) * multiplier));
      }),
    );
  });

  it("never throws and never returns a negative or fractional value", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const parsed = parseCount(text);
        if (parsed) {
          expect(Number.isSafeInteger(parsed.value)).toBe(true);
          expect(parsed.value).toBeGreaterThanOrEqual(0);
          expect(parsed.granularity).toBeGreaterThanOrEqual(1);
        }
      }),
    );
  });
});

describe("countFromJson", () => {
  it("accepts exact numbers and digit strings; anything else is not reported", () => {
    expect(countFromJson(42)).toEqual({ value: 42, approximate: false, granularity: 1 });
    expect(countFromJson("3000000001")?.value).toBe(3_000_000_001);
    expect(countFromJson(undefined)).toBeNull();
    expect(countFromJson(null)).toBeNull();
    expect(countFromJson(-1)).toBeNull();
    expect(countFromJson("1.2M")).toBeNull();
  });
});
