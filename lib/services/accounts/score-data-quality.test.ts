import { describe, expect, it } from "vitest";
import { scoreDataQuality } from "./score-data-quality";

const base = { today: "2026-03-31", firstDate: "2025-01-01", latestDate: "2026-03-31", reportedDays: 30, approximateDays: 0, suspectDays: 0 };

describe("scoreDataQuality", () => {
  it("gives 100 to a complete, fresh, exact history without suspects", () => {
    expect(scoreDataQuality(base)).toMatchObject({ score: 100, band: "good", completeness: 1, freshness: 1, exactness: 1, suspects: 1, expectedDays: 30, ageDays: 0 });
  });

  it("has nothing to score before the first snapshot", () => {
    expect(scoreDataQuality({ ...base, firstDate: null, latestDate: null, reportedDays: 0 })).toBeNull();
  });

  it("weighs completeness 40%, freshness 30%, exactness 15% and suspects 15%", () => {
    // 15 of 30 days: 0.4 × 0.5 lost.
    expect(scoreDataQuality({ ...base, reportedDays: 15 })?.score).toBe(80);
    // Yesterday's snapshot is still fresh; 4 days old is halfway to stale (7 days), 7 or more is 0.
    expect(scoreDataQuality({ ...base, latestDate: "2026-03-30" })?.freshness).toBe(1);
    expect(scoreDataQuality({ ...base, latestDate: "2026-03-27" })).toMatchObject({ freshness: 0.5, score: 85 });
    expect(scoreDataQuality({ ...base, latestDate: "2026-03-20" })).toMatchObject({ freshness: 0, score: 70 });
    // Every figure rounded: 15% lost; each suspect day costs a quarter of its 15%, four or more all of it.
    expect(scoreDataQuality({ ...base, approximateDays: 30 })).toMatchObject({ exactness: 0, score: 85 });
    expect(scoreDataQuality({ ...base, suspectDays: 2 })).toMatchObject({ suspects: 0.5, score: 93 });
    expect(scoreDataQuality({ ...base, suspectDays: 9 })).toMatchObject({ suspects: 0, score: 85 });
  });

  it("judges a new account on the days since its first snapshot", () => {
    expect(scoreDataQuality({ ...base, firstDate: "2026-03-29", reportedDays: 3 })).toMatchObject({ expectedDays: 3, completeness: 1, score: 100 });
  });

  it("bands scores: good from 80, fair from 50, poor below", () => {
    expect(scoreDataQuality({ ...base, reportedDays: 15 })?.band).toBe("good");
    expect(scoreDataQuality({ ...base, reportedDays: 15, latestDate: "2026-03-20" })?.band).toBe("fair");
    expect(scoreDataQuality({ ...base, reportedDays: 3, latestDate: "2026-03-20", approximateDays: 3, suspectDays: 4 })).toMatchObject({ score: 4, band: "poor" });
  });
});
