import { createScraperConfig, DEFAULT_LIMITS, type ScraperConfigInput } from "@/lib/scrapers/config";
import { createScraperContext, type ScraperContext } from "@/lib/scrapers/context";
import { startFixtureServer, type FixtureServer, type FixtureServerOptions } from "./fixture-server";

export interface TestScraper {
  server: FixtureServer;
  ctx: ScraperContext;
  /** Every Retry-After or bucket pause the client asked for, in ms; none is waited in real time. */
  waits: number[];
  close(): Promise<void>;
}

/** Generous limits: tests and benches measure our code, not the politeness delays. */
export const UNTHROTTLED = Object.fromEntries(Object.keys(DEFAULT_LIMITS).map((bucket) => [bucket, { perSecond: 10_000, concurrency: 64 }]));

/**
 * A fixture server plus a scraper context whose every request is rewritten to it; the browser is off
 * unless asked for, and gets a generous launch timeout, since Chromium starts slowly on a busy machine.
 */
export async function startTestScraper(config: ScraperConfigInput = {}, server: FixtureServerOptions = {}): Promise<TestScraper> {
  const fixtures = await startFixtureServer(server);
  const waits: number[] = [];
  const ctx = createScraperContext(
    createScraperConfig({
      timeoutMs: 2_000,
      retryMinMs: 5,
      retryMaxMs: 50,
      maxRetryAfterMs: 5_000,
      limits: UNTHROTTLED,
      wait: async (ms) => void waits.push(ms),
      ...config,
      originOverrides: fixtures.overrides(),
      browser: { enabled: false, launchTimeoutMs: 120_000, ...config.browser },
    }),
  );
  return {
    server: fixtures,
    ctx,
    waits,
    async close() {
      await ctx.close();
      await fixtures.close();
    },
  };
}
