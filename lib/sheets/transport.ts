import { Gaxios } from "gaxios";
import { ORIGINAL_HOST_HEADER, isRewritten, rewriteUrl } from "@/lib/scrapers/http/origin-rewrite";

/**
 * The one HTTP transport of the Google client: the Sheets API and gtoken's token exchange both send
 * through it, so SCRAPER_ORIGIN_OVERRIDES reaches oauth2.googleapis.com, whose URL gtoken hard-codes.
 */
export function createGoogleTransport(overrides: ReadonlyMap<string, string>): Gaxios {
  const transport = new Gaxios();
  if (overrides.size === 0) return transport;
  transport.interceptors.request.add({
    resolved: async (config) => {
      if (!config.url || !isRewritten(config.url, overrides)) return config;
      const original = new URL(config.url);
      const headers = new Headers(config.headers);
      headers.set(ORIGINAL_HOST_HEADER, original.host);
      return { ...config, url: rewriteUrl(original, overrides), headers };
    },
  });
  return transport;
}
