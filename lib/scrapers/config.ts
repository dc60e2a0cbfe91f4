import { setTimeout as sleep } from "node:timers/promises";
import type { LookupFunction } from "node:net";

/** A request bucket: one per platform, plus the CDN that serves TikTok slides. */
export type RateBucket = string;

export interface RateLimit {
  /** Requests started per second (rolling window). */
  perSecond: number;
  concurrency: number;
}

export interface ScraperConfig {
  /** host → origin; rewrites every outgoing request (HTTP, googleapis, browser) when set. */
  originOverrides: ReadonlyMap<string, string>;
  proxyUrls: readonly string[];
  timeoutMs: number;
  maxRetries: number;
  retryMinMs: number;
  retryMaxMs: number;
  /** A Retry-After longer than this is not waited out: the error goes back to the caller instead. */
  maxRetryAfterMs: number;
  /** Waits out Retry-After and paused buckets; tests pass one that records the wait and returns at once. */
  wait: (ms: number, options?: { ref?: boolean }) => Promise<void>;
  maxBodyBytes: number;
  limits: Readonly<Record<RateBucket, RateLimit>>;
  /** Read a second source where there is one (the YouTube page beside the Data API) to check the figure. */
  crossCheck: boolean;
  credentials: {
    youtubeApiKey?: string;
    xBearerToken?: string;
    facebookAccessToken?: string;
    threadsAccessToken?: string;
  };
  browser: {
    enabled: boolean;
    wsEndpoint?: string;
    executablePath?: string;
    /** Per page load: short, so a stuck page fails the scrape quickly. */
    timeoutMs: number;
    /** Starting Chromium, which takes longer (and much longer on a busy machine) than loading a page. */
    launchTimeoutMs: number;
  };
  slides: { maxBytes: number; concurrency: number; expiryMarginMs: number };
  /** DNS for the SSRF guard (lib/net/ssrf-guard.ts); the system resolver unless a test passes one. */
  lookup?: LookupFunction;
}

// Polite defaults: well under what each platform tolerates from one IP.
export const DEFAULT_LIMITS: Readonly<Record<RateBucket, RateLimit>> = {
  tiktok: { perSecond: 2, concurrency: 2 },
  "tiktok-cdn": { perSecond: 50, concurrency: 5 },
  youtube: { perSecond: 5, concurrency: 4 },
  x: { perSecond: 1, concurrency: 1 },
  instagram: { perSecond: 1, concurrency: 1 },
  facebook: { perSecond: 1, concurrency: 1 },
  linkedin: { perSecond: 0.5, concurrency: 1 },
  truth_social: { perSecond: 1, concurrency: 1 },
  bluesky: { perSecond: 10, concurrency: 5 },
  threads: { perSecond: 1, concurrency: 1 },
  mastodon: { perSecond: 1, concurrency: 2 },
};

export type ScraperConfigInput = Partial<Omit<ScraperConfig, "limits" | "browser" | "slides" | "credentials">> & {
  limits?: Partial<Record<RateBucket, RateLimit>>;
  browser?: Partial<ScraperConfig["browser"]>;
  slides?: Partial<ScraperConfig["slides"]>;
  credentials?: ScraperConfig["credentials"];
};

/** Builds a complete config from partial input; tests and benches pass their own overrides map here. */
export function createScraperConfig(input: ScraperConfigInput = {}): ScraperConfig {
  const limits: Record<RateBucket, RateLimit> = { ...DEFAULT_LIMITS };
  for (const [bucket, limit] of Object.entries(input.limits ?? {})) if (limit) limits[bucket] = limit;
  return {
    originOverrides: input.originOverrides ?? new Map(),
    proxyUrls: input.proxyUrls ?? [],
    timeoutMs: input.timeoutMs ?? 15_000,
    maxRetries: input.maxRetries ?? 3,
    retryMinMs: input.retryMinMs ?? 500,
    retryMaxMs: input.retryMaxMs ?? 8_000,
    maxRetryAfterMs: input.maxRetryAfterMs ?? 60_000,
    crossCheck: input.crossCheck ?? false,
    wait: input.wait ?? ((ms, options) => sleep(ms, undefined, { ref: options?.ref ?? true })),
    maxBodyBytes: input.maxBodyBytes ?? 10 * 1024 * 1024,
    limits,
    credentials: input.credentials ?? {},
    browser: { enabled: true, timeoutMs: 30_000, launchTimeoutMs: 30_000, ...input.browser },
    slides: { maxBytes: 20 * 1024 * 1024, concurrency: 5, expiryMarginMs: 60_000, ...input.slides },
    lookup: input.lookup,
  };
}
