/** What a run's error code means to the person reading the Jobs page, and what they can do about it. */
export interface ErrorHelp {
  reason: string;
  next: string;
}

const API_KEYS = "X_BEARER_TOKEN, FACEBOOK_ACCESS_TOKEN, THREADS_ACCESS_TOKEN or YOUTUBE_API_KEY";

export const ERROR_HELP: Record<string, ErrorHelp> = {
  not_found: { reason: "It does not exist: deleted, renamed or mistyped.", next: "Check the handle or URL, then fix or remove it." },
  private: { reason: "It is private, or the platform hides its numbers.", next: "Nothing to fix here: Reach tries again on the next daily run." },
  login_required: {
    reason: "This platform shows these numbers only to a signed-in user or with an API key.",
    next: `Set the platform's key (${API_KEYS}) in the server's environment, then retry.`,
  },
  blocked: { reason: "The platform answered with a captcha or a challenge.", next: "It usually passes on the next run; if it keeps failing, set PROXY_URLS or lower the platform's SCRAPER_RATE_LIMITS." },
  rate_limited: { reason: "The platform asked Reach to slow down, even after waiting.", next: "Retry later, or lower the platform's SCRAPER_RATE_LIMITS." },
  region_locked: { reason: "TikTok does not show this post in the server's region.", next: "Set PROXY_URLS to a proxy in the post's region." },
  parse_error: { reason: "The platform changed its page, and Reach cannot find the numbers on it.", next: "Report it: the server log names the missing field. Other accounts are not affected." },
  network: { reason: "The connection failed or timed out, even after retries.", next: "Retry failed; if it persists, check the server's network." },
  config: { reason: "A credential was refused, or the browser is not available.", next: `Check the keys (${API_KEYS}) and CHROMIUM_PATH or BROWSER_WS_ENDPOINT.` },
  invalid_input: { reason: "The handle, URL or sheet row is not one Reach can read.", next: "Edit the account, or fix the row in the sheet." },
  expired: { reason: "Every link to the slides had expired.", next: "Retry failed: Reach looks the post up again for fresh links." },
  slide_failed: { reason: "Some slides could not be downloaded.", next: "Retry failed downloads the missing slides again." },
};

export function errorHelp(code: string): ErrorHelp {
  return ERROR_HELP[code] ?? { reason: `An error without an explanation yet (${code}).`, next: "The server log has the details for this run." };
}
