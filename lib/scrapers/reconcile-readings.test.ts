import { describe, expect, it } from "vitest";
import { exactCount, parseCount } from "./counts";
import { reconcileReadings } from "./reconcile-readings";

describe("reconciling two sources' follower counts", () => {
  it("takes the API over the page, and a rounded page figure that covers it agrees", () => {
    const result = reconcileReadings([
      { source: "html", followers: parseCount("1.2M subscribers") },
      { source: "api", followers: exactCount(1_234_567) },
    ]);
    expect(result).toEqual({
      chosen: { source: "api", followers: 1_234_567, granularity: 1, approximate: false },
      readings: [
        { source: "api", followers: 1_234_567, granularity: 1, approximate: false },
        { source: "html", followers: 1_200_000, granularity: 100_000, approximate: true },
      ],
      disagree: false,
    });
  });

  it("flags readings ten times apart, keeping the API's figure", () => {
    const result = reconcileReadings([
      { source: "api", followers: exactCount(1_234_567) },
      { source: "html", followers: parseCount("123K subscribers") },
    ]);
    expect(result).toMatchObject({ chosen: { source: "api", followers: 1_234_567 }, disagree: true });
  });

  it("allows 2% beyond the rounding for readings taken seconds apart, not more", () => {
    const api = { source: "api" as const, followers: exactCount(100_000) };
    expect(reconcileReadings([api, { source: "html", followers: exactCount(101_900) }])?.disagree).toBe(false);
    expect(reconcileReadings([api, { source: "html", followers: exactCount(102_100) }])?.disagree).toBe(true);
  });

  it("leaves out a source that reported nothing, and has nothing to choose when none did", () => {
    expect(reconcileReadings([{ source: "api", followers: null }, { source: "html", followers: exactCount(5) }])).toMatchObject({ chosen: { source: "html", followers: 5 }, disagree: false });
    expect(reconcileReadings([{ source: "api", followers: null }])).toBeNull();
  });
});
