/** Why the database flagged a snapshot as suspect (migrations 20261202100201, 20261204300000; docs/data-quality.md). */
export const SUSPECT_REASON_LABELS: Record<string, string> = {
  dip_recovered: "fell by more than half and recovered the next day",
  spike_reverted: "more than doubled and fell back the next day",
  zero_after_large: "exactly 0 after a month above 10,000",
  sources_disagree: "two sources read that day disagree",
  source_changed: "jumped where the source changed between the API and the page",
};

/** The reasons that come from comparing sources rather than days. */
export const SOURCE_REASONS = ["sources_disagree", "source_changed"] as const;

export function suspectReasonLabel(reason: string): string {
  return SUSPECT_REASON_LABELS[reason] ?? reason;
}
