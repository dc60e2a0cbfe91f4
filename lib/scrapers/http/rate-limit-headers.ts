type HeaderBag = Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

// Reset headers come as epoch seconds (X, Bluesky), delta seconds (IETF draft) or ISO dates (Mastodon).
function resetToMs(value: string, now: number): number | null {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const number = Number(trimmed);
    return number > 1e9 ? Math.max(0, number * 1000 - now) : number * 1000;
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** How long to wait before the next request, from Retry-After or the platform's rate-limit reset header. */
export function retryAfterMs(headers: HeaderBag, now = Date.now()): number | null {
  const retryAfter = header(headers, "retry-after");
  if (retryAfter) {
    const ms = resetToMs(retryAfter, now);
    if (ms !== null) return ms;
  }
  for (const name of ["x-ratelimit-reset", "x-rate-limit-reset", "ratelimit-reset"]) {
    const value = header(headers, name);
    const ms = value ? resetToMs(value, now) : null;
    if (ms !== null) return ms;
  }
  return null;
}

/** True when the platform says the window is used up, so the bucket should pause even after a 200. */
export function isWindowExhausted(headers: HeaderBag): boolean {
  const remaining = header(headers, "x-ratelimit-remaining") ?? header(headers, "x-rate-limit-remaining") ?? header(headers, "ratelimit-remaining");
  return remaining !== undefined && Number(remaining) === 0;
}
