/**
 * An account is fresh while its latest snapshot is at most this many days before today (in the
 * workspace's timezone): today's, yesterday's or the day before's. Older is stale: its health says
 * so and its growth is left out, never shown as if it were recent.
 */
export const STALE_AFTER_DAYS = 2;

const DAY_MS = 86_400_000;

/** Whether a latest snapshot day (YYYY-MM-DD) is stale on `today`; null (never scraped) is not stale, it is never scraped. */
export function isStale(latestDate: string | null, today: string): boolean {
  if (latestDate === null) return false;
  return (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${latestDate}T00:00:00Z`)) / DAY_MS > STALE_AFTER_DAYS;
}
