/** Why the database flagged a snapshot as suspect (migration 20261202100201; docs/data-quality.md). */
export const SUSPECT_REASON_LABELS: Record<string, string> = {
  dip_recovered: "fell by more than half and recovered the next day",
  spike_reverted: "more than doubled and fell back the next day",
  zero_after_large: "exactly 0 after a month above 10,000",
};

export function suspectReasonLabel(reason: string): string {
  return SUSPECT_REASON_LABELS[reason] ?? reason;
}
