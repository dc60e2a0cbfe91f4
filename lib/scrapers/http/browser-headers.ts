// A current desktop Chrome on macOS; sites serve their full server-rendered page to it.
export const USER_AGENT =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36";

const COMMON = {
  "user-agent": USER_AGENT,
  // en-US keeps rendered counts in "1.2M" form rather than localised suffixes.
  "accept-language": "en-US,en;q=0.9",
  "accept-encoding": "identity",
  "sec-ch-ua": '"Chromium";v="139", "Google Chrome";v="139", "Not;A=Brand";v="99"',
  "sec-ch-ua-mobile": "?0",
  "sec-ch-ua-platform": '"macOS"',
} as const;

export function browserHeaders(kind: "html" | "json" | "image"): Record<string, string> {
  if (kind === "json") return { ...COMMON, accept: "application/json, text/plain, */*", "sec-fetch-mode": "cors", "sec-fetch-site": "same-origin", "sec-fetch-dest": "empty" };
  if (kind === "image") return { ...COMMON, accept: "image/avif,image/webp,image/apng,image/*,*/*;q=0.8", "sec-fetch-mode": "no-cors", "sec-fetch-site": "cross-site", "sec-fetch-dest": "image" };
  return {
    ...COMMON,
    accept: "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
    "upgrade-insecure-requests": "1",
    "sec-fetch-mode": "navigate",
    "sec-fetch-site": "none",
    "sec-fetch-dest": "document",
    "sec-fetch-user": "?1",
  };
}
