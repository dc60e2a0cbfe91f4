import { env } from "@/lib/env";
import { createScraperConfig, type ScraperConfig } from "./config";

/** The production config; kept apart from config.ts so library code and tests never need the environment. */
export function scraperConfigFromEnv(): ScraperConfig {
  return createScraperConfig({
    originOverrides: env.SCRAPER_ORIGIN_OVERRIDES,
    proxyUrls: env.PROXY_URLS,
    timeoutMs: env.SCRAPER_TIMEOUT_MS,
    maxRetries: env.SCRAPER_MAX_RETRIES,
    limits: Object.fromEntries(env.SCRAPER_RATE_LIMITS),
    crossCheck: env.SCRAPER_CROSS_CHECK,
    credentials: {
      youtubeApiKey: env.YOUTUBE_API_KEY,
      xBearerToken: env.X_BEARER_TOKEN,
      facebookAccessToken: env.FACEBOOK_ACCESS_TOKEN,
      threadsAccessToken: env.THREADS_ACCESS_TOKEN,
    },
    browser: { wsEndpoint: env.BROWSER_WS_ENDPOINT, executablePath: env.CHROMIUM_PATH },
    slides: { maxBytes: env.SCRAPER_SLIDE_MAX_BYTES, concurrency: env.SCRAPER_SLIDE_CONCURRENCY },
  });
}
