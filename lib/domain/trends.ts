/** Slideshows grouped by slide count on the Trends page: the question slideshow teams ask. */
export const SLIDE_COUNT_BUCKETS = ["1–3", "4–6", "7+"] as const;
export type SlideCountBucket = (typeof SLIDE_COUNT_BUCKETS)[number];

/** Groups drawn on their own in the stacked chart; the rest are summed as "Other". */
export const TREND_SERIES_LIMIT = 7;

/**
 * Okabe–Ito, the palette designed to stay distinct for colour-blind readers, readable on light and
 * dark backgrounds; the last (grey) is for "Other".
 */
export const CHART_PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"] as const;
