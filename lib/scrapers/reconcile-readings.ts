import type { FollowerReading, MetricSource } from "./types";

/** One source's reported follower count as a snapshot records it (`extra.readings`). */
export interface StoredReading {
  source: MetricSource;
  followers: number;
  /** 1 when exact; the rounding step of a figure like "1.2M" (100,000). */
  granularity: number;
  /** Rounded by the platform (docs/data-quality.md's exactness). */
  approximate: boolean;
}

export interface Reconciled {
  /** The reading the snapshot's figure comes from. */
  chosen: StoredReading;
  /** Every reading, the chosen one first. */
  readings: StoredReading[];
  /** Two readings of the same moment differ by more than their rounding allows. */
  disagree: boolean;
}

// The official API first, then a real browser, then the server-rendered page; within a source the finer figure.
const SOURCE_RANK: Record<MetricSource, number> = { api: 0, browser: 1, html: 2 };
/** Beyond their rounding, two readings a few seconds apart may differ by this share of the larger (real change, caches). */
export const SAME_DAY_SLACK = 0.02;

export function readingsAgree(a: StoredReading, b: StoredReading, slack = SAME_DAY_SLACK): boolean {
  return Math.abs(a.followers - b.followers) <= Math.max(a.granularity, b.granularity) + slack * Math.max(a.followers, b.followers);
}

/**
 * The rule for a snapshot read from more than one source (docs/data-quality.md): the figure comes from
 * the highest-precedence reading, and the snapshot is flagged when any other reading disagrees with it.
 * Sources that reported no count take no part. Null when none reported one.
 */
export function reconcileReadings(readings: FollowerReading[]): Reconciled | null {
  const reported = readings
    .flatMap((reading) => (reading.followers ? [{ source: reading.source, followers: reading.followers.value, granularity: reading.followers.granularity, approximate: reading.followers.approximate }] : []))
    .sort((a, b) => SOURCE_RANK[a.source] - SOURCE_RANK[b.source] || a.granularity - b.granularity);
  const [chosen] = reported;
  if (!chosen) return null;
  return { chosen, readings: reported, disagree: reported.some((reading) => !readingsAgree(chosen, reading)) };
}
