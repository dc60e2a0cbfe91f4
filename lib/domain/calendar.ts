/** Calendar arithmetic on ISO dates (YYYY-MM-DD, UTC days), for the demo and for daily charts. */
const DAY_MS = 86_400_000;

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The `days` calendar days ending on `last`, both ends included: a preset period ending today. */
export function periodEnding(last: string, days: number): { from: string; to: string } {
  return { from: addDays(last, 1 - days), to: last };
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Every calendar day from `from` to `to`, both included (YYYY-MM-DD): the x axis of a daily chart, gaps included. */
export function calendarDays(from: string, to: string): string[] {
  const count = daysBetween(from, to);
  return Array.from({ length: Math.max(0, count + 1) }, (_, index) => addDays(from, index));
}

/**
 * [from, to] as the whole weeks (Monday to Sunday) inside it, by their Mondays `firstWeek` to
 * `lastWeek`, and the days before and after them, [from, headTo] and [tailFrom, to]. With no whole
 * week inside, every day is in the head, the tail is empty and firstWeek is after lastWeek.
 */
export function splitWeeks(from: string, to: string): { headTo: string; tailFrom: string; firstWeek: string; lastWeek: string } {
  const isoWeekday = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`).getUTCDay() || 7;
  const firstWeek = addDays(from, (8 - isoWeekday(from)) % 7);
  const lastWeek = addDays(to, -(isoWeekday(to) % 7) - 6);
  if (firstWeek > lastWeek) return { headTo: to, tailFrom: addDays(to, 1), firstWeek: addDays(to, 1), lastWeek: to };
  return { headTo: addDays(firstWeek, -1), tailFrom: addDays(lastWeek, 7), firstWeek, lastWeek };
}
