import PQueue from "p-queue";
import type { Browser, BrowserContext, Route } from "playwright-core";
import type { ScraperConfig } from "../config";
import { ScrapeError } from "../errors";
import { USER_AGENT } from "../http/browser-headers";
import { ORIGINAL_HOST_HEADER, isRewritten, rewriteUrl } from "../http/origin-rewrite";
import { launchBrowser } from "./launch";

const BLOCKED_RESOURCES = new Set(["image", "font", "media"]);
const MAX_CONTEXTS = 4;

export interface RenderedPage {
  status: number | null;
  /** The public URL the page ended on, after redirects. */
  url: string;
  html: string;
}

export interface BrowserPool {
  /** Loads a page in a fresh context, waits for `waitFor` (a CSS selector) when given, returns the DOM as HTML. */
  render(url: string, options?: { waitFor?: string }): Promise<RenderedPage>;
  readonly started: boolean;
  close(): Promise<void>;
}

export function createBrowserPool(config: ScraperConfig): BrowserPool {
  let browser: Promise<Browser> | null = null;
  const queue = new PQueue({ concurrency: MAX_CONTEXTS });
  const timeoutMs = config.browser.timeoutMs;

  function shared(): Promise<Browser> {
    if (!config.browser.enabled) return Promise.reject(new ScrapeError("config", "the browser fallback is disabled"));
    browser ??= launchBrowser(config.browser).then((launched) => {
      launched.on("disconnected", () => (browser = null));
      return launched;
    });
    browser.catch(() => (browser = null));
    return browser;
  }

  // Overridden hosts are fetched from the override origin; redirects go back to the browser so they are rewritten too.
  async function route(route: Route) {
    const request = route.request();
    if (BLOCKED_RESOURCES.has(request.resourceType())) return route.abort();
    if (!isRewritten(request.url(), config.originOverrides)) return route.continue();
    const target = rewriteUrl(request.url(), config.originOverrides);
    const response = await route.fetch({
      url: target.href,
      headers: { ...request.headers(), [ORIGINAL_HOST_HEADER]: new URL(request.url()).host },
      maxRedirects: 0,
      timeout: timeoutMs,
    });
    await route.fulfill({ response });
  }

  async function renderOnce(url: string, waitFor: string | undefined): Promise<RenderedPage> {
    const context: BrowserContext = await (await shared()).newContext({ userAgent: USER_AGENT, locale: "en-US", javaScriptEnabled: true });
    try {
      context.setDefaultTimeout(timeoutMs);
      await context.route("**/*", (r) => route(r).catch(() => r.abort().catch(() => undefined)));
      const page = await context.newPage();
      const response = await page.goto(url, { waitUntil: "domcontentloaded", timeout: timeoutMs });
      if (waitFor) await page.waitForSelector(waitFor, { state: "attached", timeout: timeoutMs }).catch(() => undefined);
      return { status: response?.status() ?? null, url: page.url(), html: await page.content() };
    } catch (error) {
      if (error instanceof ScrapeError) throw error;
      throw new ScrapeError("network", `browser could not load ${new URL(url).host}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`, { url }, { cause: error });
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  return {
    render: (url, options = {}) => queue.add(() => renderOnce(url, options.waitFor)) as Promise<RenderedPage>,
    get started() {
      return browser !== null;
    },
    async close() {
      const current = browser;
      browser = null;
      if (current) await (await current.catch(() => null))?.close().catch(() => undefined);
    },
  };
}
