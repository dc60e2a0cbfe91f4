import type { ScrapeError, ScrapeErrorCode } from "@/lib/scrapers/errors";

const REASONS: Record<ScrapeErrorCode, string> = {
  not_found: "deleted or not found",
  private: "private post",
  login_required: "needs a TikTok login (age-restricted)",
  blocked: "blocked by TikTok; will retry",
  rate_limited: "rate limited by TikTok; will retry",
  region_locked: "not available in our region",
  parse_error: "TikTok's page could not be read",
  network: "network error; will retry",
  config: "scraper configuration error",
  invalid_input: "not a TikTok post URL",
  expired: "slide links expired",
};

/** The plain-language reason shown on the Posts page and written back to the sheet ("Failed: private post"). */
export function failureReason(error: ScrapeError): string {
  // One code covers both: TikTok tells a private post from a private account by its status code.
  if (error.code === "private" && /account/i.test(error.message)) return "private account";
  return REASONS[error.code];
}
