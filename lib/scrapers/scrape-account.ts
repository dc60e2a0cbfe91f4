import type { Platform } from "@/lib/domain/platforms";
import type { ScraperContext } from "./context";
import { ScrapeError } from "./errors";
import { extractHandle } from "./handles";
import { scrapeBlueskyAccount } from "./platforms/bluesky";
import { scrapeFacebookAccount } from "./platforms/facebook";
import { scrapeInstagramAccount } from "./platforms/instagram";
import { scrapeLinkedinAccount } from "./platforms/linkedin";
import { scrapeMastodonAccount } from "./platforms/mastodon";
import { scrapeThreadsAccount } from "./platforms/threads";
import { scrapeTiktokAccount } from "./platforms/tiktok/account";
import { scrapeTruthSocialAccount } from "./platforms/truth-social";
import { scrapeXAccount } from "./platforms/x";
import { scrapeYoutubeAccount } from "./platforms/youtube";
import { isPlatform, type AccountMetrics } from "./types";
import { recordSpan } from "@/lib/telemetry/with-span";

const CLIENTS: Record<Platform, (handle: string, ctx: ScraperContext) => Promise<AccountMetrics>> = {
  tiktok: scrapeTiktokAccount,
  youtube: scrapeYoutubeAccount,
  x: scrapeXAccount,
  instagram: scrapeInstagramAccount,
  facebook: scrapeFacebookAccount,
  linkedin: scrapeLinkedinAccount,
  truth_social: scrapeTruthSocialAccount,
  bluesky: scrapeBlueskyAccount,
  threads: scrapeThreadsAccount,
  mastodon: scrapeMastodonAccount,
};

/** One account's metrics: validates the platform and input, normalises the handle, runs that platform's client. */
export async function scrapeAccount(platform: string, input: string, ctx: ScraperContext): Promise<AccountMetrics> {
  if (!isPlatform(platform)) throw new ScrapeError("invalid_input", `unknown platform "${platform.slice(0, 40)}"`);
  const startTime = new Date();
  try {
    const metrics = await CLIENTS[platform](extractHandle(platform, input), ctx);
    recordSpan("scrape.account", { startTime, attributes: { "reach.platform": platform, "reach.scrape.source": metrics.source, "reach.scrape.outcome": "ok" } });
    return metrics;
  } catch (error) {
    recordSpan("scrape.account", { startTime, attributes: { "reach.platform": platform, "reach.scrape.outcome": error instanceof ScrapeError ? error.code : "error" }, error });
    throw error;
  }
}
