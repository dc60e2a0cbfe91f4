import { calendarDays } from "@/lib/domain/calendar";
import type { AccountMetric } from "@/lib/domain/account-metrics";
import type { AccountDetail } from "./get-account";

export interface MetricPoint {
  date: string;
  value: number | null;
  /** The change from the day before; null unless both days are reported and neither is suspect. */
  gain: number | null;
  approximate: boolean;
  suspectReason: string | null;
}

/** One point per day of the range: a day with no snapshot, or none reported, stays null so a chart draws a gap. */
export function dailyMetric(history: AccountDetail["history"], metric: AccountMetric): MetricPoint[] {
  const byDate = new Map(history.snapshots.map((snapshot) => [snapshot.date, snapshot]));
  let previous: { value: number | null; suspect: boolean } | null = null;
  return calendarDays(history.from, history.to).map((date) => {
    const snapshot = byDate.get(date);
    const value = snapshot?.[metric] ?? null;
    const suspect = Boolean(snapshot?.suspectReason);
    const gain = value !== null && !suspect && previous?.value != null && !previous.suspect ? value - previous.value : null;
    previous = { value, suspect };
    return { date, value, gain, approximate: snapshot?.approximate ?? false, suspectReason: snapshot?.suspectReason ?? null };
  });
}
