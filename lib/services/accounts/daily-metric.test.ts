import { describe, expect, it } from "vitest";
import type { AccountSnapshotRow } from "./get-account";
import { dailyMetric } from "./daily-metric";

const snap = (date: string, followers: number | null, suspectReason: string | null = null): AccountSnapshotRow => ({
  date, followers, following: 10, posts: null, likes: null, approximate: false, source: "api", scrapedAt: `${date}T06:00:00Z`, suspectReason,
});

describe("dailyMetric", () => {
  it("gains are day over day, and never across a gap, a not-reported day or a suspect one", () => {
    const history = {
      from: "2026-03-01",
      to: "2026-03-07",
      snapshots: [snap("2026-03-01", 100), snap("2026-03-02", 130), snap("2026-03-04", 150), snap("2026-03-05", 10, "dip_recovered"), snap("2026-03-06", 160), snap("2026-03-07", 155)],
    };
    expect(dailyMetric(history, "followers").map((point) => [point.date, point.value, point.gain])).toEqual([
      ["2026-03-01", 100, null],
      ["2026-03-02", 130, 30],
      ["2026-03-03", null, null],
      ["2026-03-04", 150, null],
      ["2026-03-05", 10, null],
      ["2026-03-06", 160, null],
      ["2026-03-07", 155, -5],
    ]);
  });

  it("reads any of the four figures, not-reported ones as null", () => {
    const history = { from: "2026-03-01", to: "2026-03-02", snapshots: [snap("2026-03-01", 5), snap("2026-03-02", 6)] };
    expect(dailyMetric(history, "following").map((point) => point.gain)).toEqual([null, 0]);
    expect(dailyMetric(history, "posts").map((point) => point.value)).toEqual([null, null]);
  });
});
