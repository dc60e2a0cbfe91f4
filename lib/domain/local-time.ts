/** A time of day as HH:MM, 00:00 to 23:59: SNAPSHOT_LOCAL_TIME and each workspace's snapshot time. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "06:00" → minutes after midnight. */
export function parseLocalTime(value: string): number {
  const match = TIME_OF_DAY.exec(value);
  if (!match) throw new Error(`"${value}" is not HH:MM`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The calendar date (YYYY-MM-DD) at `now` in an IANA time zone: a snapshot's day is the workspace's day. */
export function localDate(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** Minutes since local midnight at `now` in an IANA time zone. */
export function localMinutes(timeZone: string, now: Date): number {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(now);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return value("hour") * 60 + value("minute");
}
