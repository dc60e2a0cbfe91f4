/** x-expires is a unix timestamp in the signed CDN URL; read it without re-encoding the URL. */
export function urlExpiry(url: string): Date | null {
  const match = /[?&]x-expires=(\d{9,11})(?:&|$)/.exec(url);
  return match?.[1] ? new Date(Number(match[1]) * 1000) : null;
}
