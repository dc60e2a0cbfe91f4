type HeaderBag = Record<string, string | string[] | undefined>;

// Signals from gallery-dl's detect_challenge (Cloudflare, DDoS-Guard) plus TikTok's proof-of-work wall.
const BODY_SIGNALS = [/_cf_chl_opt/, /cf-browser-verification/, /challenge-platform/, /ddos-guard/i, /<title>Just a moment\.\.\.<\/title>/i];

/** Returns a short description when a response is an anti-bot challenge rather than content. */
export function detectChallenge(status: number, headers: HeaderBag, body: string): string | null {
  if (headers["cf-mitigated"] === "challenge") return "Cloudflare challenge (cf-mitigated)";
  if (status !== 403 && status !== 503 && status !== 429 && status !== 200) return null;
  const head = body.slice(0, 20_000);
  const hit = BODY_SIGNALS.find((pattern) => pattern.test(head));
  return hit ? `anti-bot challenge page (${hit.source})` : null;
}
