/** The header that tells a fixture server or staging proxy which public host a rewritten request was meant for. */
export const ORIGINAL_HOST_HEADER = "x-forwarded-host";

/** Maps a public URL to the override origin for its host, keeping path and query byte-for-byte. */
export function rewriteUrl(url: string | URL, overrides: ReadonlyMap<string, string>): URL {
  const parsed = new URL(url);
  const target = overrides.get(parsed.host.toLowerCase()) ?? overrides.get(parsed.hostname.toLowerCase());
  if (!target) return parsed;
  return new URL(`${parsed.pathname}${parsed.search}`, target);
}

export function isRewritten(url: string | URL, overrides: ReadonlyMap<string, string>): boolean {
  const parsed = new URL(url);
  return overrides.has(parsed.host.toLowerCase()) || overrides.has(parsed.hostname.toLowerCase());
}
