/** The closed scraper error taxonomy; `retryable` tells a pipeline whether trying again can help. */
export const SCRAPE_ERROR_CODES = {
  not_found: { retryable: false },
  private: { retryable: false },
  login_required: { retryable: false },
  blocked: { retryable: true },
  rate_limited: { retryable: true },
  region_locked: { retryable: false },
  parse_error: { retryable: false },
  network: { retryable: true },
  config: { retryable: false },
  invalid_input: { retryable: false },
  expired: { retryable: true },
} as const;

export type ScrapeErrorCode = keyof typeof SCRAPE_ERROR_CODES;

export interface ScrapeErrorDetails {
  /** JSON path or selector that was missing, for parse_error. */
  path?: string;
  status?: number;
  url?: string;
  retryAfterMs?: number;
}

export class ScrapeError extends Error {
  override name = "ScrapeError";
  readonly retryable: boolean;

  constructor(
    readonly code: ScrapeErrorCode,
    message: string,
    readonly details: ScrapeErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.retryable = SCRAPE_ERROR_CODES[code].retryable;
  }

  toJSON() {
    return { code: this.code, message: this.message, retryable: this.retryable };
  }
}

export function isScrapeError(error: unknown, code?: ScrapeErrorCode): error is ScrapeError {
  return error instanceof ScrapeError && (code === undefined || error.code === code);
}

/** Wraps anything thrown by third-party code so callers only ever see the taxonomy. */
export function toScrapeError(error: unknown): ScrapeError {
  if (error instanceof ScrapeError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ScrapeError("network", message, {}, { cause: error });
}
