// Pure and dependency-free: used by the sign-in page (server), the sign-in form (client) and
// next-auth's redirect callback, so every post-sign-in destination goes through the same rule.

const BASE = "http://reach.invalid";
const DECODE_ROUNDS = 3;

function decodeFully(value: string): string | null {
  let current = value;
  for (let round = 0; round < DECODE_ROUNDS; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

// After decoding: no backslash (browsers read it as "/"), no control or whitespace characters
// (browsers strip tab and newline), and no "//" right after the leading slash.
const unsafe = (text: string) => /[\\\s\u0000-\u001f\u007f]/u.test(text) || /^\/\//.test(text) || !text.startsWith("/");

/**
 * A same-origin path for any input: `/path?query#hash` after resolving dot segments, or "/" when
 * the input, once percent-decoded, could name another origin (`//h`, `/\h`, `/.//h`, `/%2e//h`,
 * `https:h`, tab or newline tricks).
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2048 || unsafe(value)) return "/";
  const decoded = decodeFully(value);
  if (decoded === null || unsafe(decoded)) return "/";
  const url = URL.parse(value, BASE);
  if (!url || url.origin !== BASE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  const decodedPath = decodeFully(url.pathname);
  if (decodedPath === null || unsafe(decodedPath) || unsafe(path)) return "/";
  return path;
}

/** For next-auth's redirect callback: same-origin absolute URLs keep their path, anything else goes home. */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  const absolute = URL.parse(url);
  const relative = absolute ? (absolute.origin === base.origin ? `${absolute.pathname}${absolute.search}${absolute.hash}` : "/") : url;
  return new URL(safeCallbackPath(relative), base.origin).toString();
}
