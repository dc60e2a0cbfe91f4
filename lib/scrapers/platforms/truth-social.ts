import type { ScraperContext } from "../context";
import { isScrapeError } from "../errors";
import { parseHtml } from "../parse";
import type { AccountMetrics } from "../types";
import { lookupMastodonAccount, parseMastodonAccount } from "./mastodon-api";

const ORIGIN = "https://truthsocial.com";

/** Truth Social's Mastodon-compatible lookup; a Cloudflare challenge gets one try through the browser. */
export async function scrapeTruthSocialAccount(handle: string, ctx: ScraperContext): Promise<AccountMetrics> {
  try {
    return await lookupMastodonAccount("truth_social", ORIGIN, handle, handle, ctx);
  } catch (error) {
    if (!isScrapeError(error, "blocked") || !ctx.config.browser.enabled) throw error;
  }
  // The browser passes the challenge, then shows the API's JSON as a page: read it back through the same schema.
  const page = await ctx.browser.render(`${ORIGIN}/api/v1/accounts/lookup?acct=${encodeURIComponent(handle)}`);
  const dom = parseHtml(page.html);
  const text = dom.querySelector("pre")?.textContent ?? dom.textContent;
  return { ...parseMastodonAccount("truth_social", text, handle), source: "browser" };
}
