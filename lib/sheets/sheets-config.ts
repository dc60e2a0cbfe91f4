import type { ServiceAccountKey } from "./service-account-key";

export interface SheetsQuota {
  /** Requests started per rolling minute; Google allows 60 reads and 60 writes per user per minute. */
  readsPerMinute: number;
  writesPerMinute: number;
}

export interface SheetsRetry {
  retries: number;
  minTimeoutMs: number;
  maxTimeoutMs: number;
}

export interface SheetsConfig {
  /** Where the key came from, for messages: never the key itself. */
  keySource: string;
  key: ServiceAccountKey;
  /** host → origin, as SCRAPER_ORIGIN_OVERRIDES: rewrites sheets.googleapis.com and oauth2.googleapis.com. */
  originOverrides: ReadonlyMap<string, string>;
  timeoutMs: number;
  quota: SheetsQuota;
  retry: SheetsRetry;
}

export type SheetsConfigInput = Pick<SheetsConfig, "key"> &
  Partial<Omit<SheetsConfig, "key" | "quota" | "retry">> & { quota?: Partial<SheetsQuota>; retry?: Partial<SheetsRetry> };

/** Google's advice for 429: exponential backoff from about a second, capped near a minute. */
export function createSheetsConfig(input: SheetsConfigInput): SheetsConfig {
  return {
    keySource: input.keySource ?? "the service-account key",
    key: input.key,
    originOverrides: input.originOverrides ?? new Map(),
    timeoutMs: input.timeoutMs ?? 30_000,
    quota: { readsPerMinute: 60, writesPerMinute: 60, ...input.quota },
    retry: { retries: 6, minTimeoutMs: 1_000, maxTimeoutMs: 64_000, ...input.retry },
  };
}
