/** The data-quality score's formula and thresholds (docs/data-quality.md#the-score). */
export const QUALITY_WINDOW_DAYS = 30;
const WEIGHTS = { completeness: 0.4, freshness: 0.3, exactness: 0.15, suspects: 0.15 } as const;
const FRESH_DAYS = 1;
const STALE_DAYS = 7;
const SUSPECT_PENALTY = 0.25;

export type QualityBand = "good" | "fair" | "poor";

export interface DataQuality {
  /** 0–100. */
  score: number;
  band: QualityBand;
  /** Each part in [0, 1], as weighted into the score. */
  completeness: number;
  freshness: number;
  exactness: number;
  suspects: number;
  /** The figures behind them. */
  expectedDays: number;
  reportedDays: number;
  approximateDays: number;
  suspectDays: number;
  ageDays: number;
}

export interface QualityInput {
  /** The workspace's local date the score is taken on. */
  today: string;
  /** The account's first and latest snapshot dates, any kind; null when it has none. */
  firstDate: string | null;
  latestDate: string | null;
  /** In the window of QUALITY_WINDOW_DAYS ending today: days with a follower count, rounded ones among them, suspect ones. */
  reportedDays: number;
  approximateDays: number;
  suspectDays: number;
}

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const clamp = (value: number) => Math.min(1, Math.max(0, value));
const two = (value: number) => Math.round(value * 100) / 100;

/** null for an account that has never been snapshotted: there is nothing to judge yet. */
export function scoreDataQuality(input: QualityInput): DataQuality | null {
  if (input.firstDate === null || input.latestDate === null) return null;
  // A newer account is judged on the days since its first snapshot, not on days before it existed.
  const expectedDays = Math.max(1, Math.min(QUALITY_WINDOW_DAYS, days(input.firstDate, input.today) + 1));
  const ageDays = Math.max(0, days(input.latestDate, input.today));
  const completeness = clamp(input.reportedDays / expectedDays);
  const freshness = clamp(1 - (ageDays - FRESH_DAYS) / (STALE_DAYS - FRESH_DAYS));
  const exactness = input.reportedDays === 0 ? 0 : clamp(1 - input.approximateDays / input.reportedDays);
  const suspects = clamp(1 - SUSPECT_PENALTY * input.suspectDays);
  const weighted = WEIGHTS.completeness * completeness + WEIGHTS.freshness * freshness + WEIGHTS.exactness * exactness + WEIGHTS.suspects * suspects;
  const score = Math.round(100 * weighted);
  return {
    score,
    band: score >= 80 ? "good" : score >= 50 ? "fair" : "poor",
    completeness: two(completeness),
    freshness: two(freshness),
    exactness: two(exactness),
    suspects: two(suspects),
    expectedDays,
    reportedDays: input.reportedDays,
    approximateDays: input.approximateDays,
    suspectDays: input.suspectDays,
    ageDays,
  };
}
