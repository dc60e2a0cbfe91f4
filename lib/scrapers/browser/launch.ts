import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";
import type { ScraperConfig } from "../config";
import { ScrapeError } from "../errors";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Remote CDP browser, else CHROMIUM_PATH, else the system Chromium, else @sparticuz/chromium's binary. */
export async function launchBrowser(config: ScraperConfig["browser"]): Promise<Browser> {
  try {
    // Loaded on first launch: processes that never need a browser (slide downloads, API scrapes) skip playwright-core.
    const { chromium } = await import("playwright-core");
    if (config.wsEndpoint) return await chromium.connectOverCDP(config.wsEndpoint, { timeout: config.launchTimeoutMs });
    const executablePath = config.executablePath ?? (existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : await sparticuzPath());
    return await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: config.launchTimeoutMs });
  } catch (error) {
    if (error instanceof ScrapeError) throw error;
    throw new ScrapeError("config", `could not start a browser: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`, {}, { cause: error });
  }
}

async function sparticuzPath(): Promise<string> {
  const { default: sparticuz } = await import("@sparticuz/chromium");
  return sparticuz.executablePath();
}
