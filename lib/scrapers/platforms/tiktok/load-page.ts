import type { ScraperContext } from "../../context";
import { ScrapeError, isScrapeError } from "../../errors";
import { isLoginUrl } from "../../parse";
import type { MetricSource } from "../../types";
import { extractTiktokData, type TiktokPageData } from "./universal-data";

/** Fetches a TikTok page over HTTP; its proof-of-work wall gets one browser attempt before it counts as blocked. */
export async function loadTiktokPage(url: string, ctx: ScraperContext, what: string): Promise<{ data: TiktokPageData; source: MetricSource }> {
  const response = await ctx.http.get({ bucket: "tiktok", url, passStatuses: [404] });
  if (isLoginUrl(response.url)) throw new ScrapeError("login_required", `TikTok requires a login to see this ${what}`, { url });
  if (response.status === 404) throw new ScrapeError("not_found", `TikTok has no such ${what}`, { status: 404, url });
  try {
    return { data: extractTiktokData(response.text, url), source: "html" };
  } catch (error) {
    if (!isScrapeError(error, "blocked") || !ctx.config.browser.enabled) throw error;
  }
  const page = await ctx.browser.render(url, { waitFor: "script#__UNIVERSAL_DATA_FOR_REHYDRATION__" });
  if (isLoginUrl(page.url)) throw new ScrapeError("login_required", `TikTok requires a login to see this ${what}`, { url });
  return { data: extractTiktokData(page.html, url), source: "browser" };
}
