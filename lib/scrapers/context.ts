import { createBrowserPool, type BrowserPool } from "./browser/browser-pool";
import type { ScraperConfig } from "./config";
import { createHttpClient, type HttpClient } from "./http/http-client";

/** What every platform client needs: one HTTP layer and one lazily started browser, shared per process. */
export interface ScraperContext {
  config: ScraperConfig;
  http: HttpClient;
  browser: BrowserPool;
  close(): Promise<void>;
}

export function createScraperContext(config: ScraperConfig): ScraperContext {
  const http = createHttpClient(config);
  const browser = createBrowserPool(config);
  return {
    config,
    http,
    browser,
    async close() {
      await Promise.all([http.close(), browser.close()]);
    },
  };
}
