import { z } from "zod";

/** The closed set of error codes every boundary maps from: API status, UI message, job retry. */
export const ERROR_CODES = {
  unauthenticated: { status: 401, message: "Sign in to continue." },
  forbidden: { status: 403, message: "Your role does not allow this." },
  // An outside service (Google) refused our credentials for a resource; not the caller's role.
  permission_denied: { status: 403, message: "Access to this resource was refused." },
  // The workspace requires a second factor and the caller has not turned one on.
  two_factor_required: { status: 403, message: "This workspace requires two-factor sign-in: turn it on under Your account (/account)." },
  not_found: { status: 404, message: "Not found." },
  invalid_input: { status: 400, message: "The request is not valid." },
  conflict: { status: 409, message: "This conflicts with existing data." },
  gone: { status: 410, message: "This link has expired or was already used." },
  payload_too_large: { status: 413, message: "The upload is too large." },
  rate_limited: { status: 429, message: "Too many requests; try again later.", retryable: true },
  unavailable: { status: 503, message: "A dependency is unavailable; try again shortly.", retryable: true },
  // This instance is at its concurrency cap (MAX_CONCURRENT_REQUESTS): refused at once, not queued.
  overloaded: { status: 503, message: "The server is busy; try again in a moment.", retryable: true },
  // An operator must act (a missing or unreadable key, an API not enabled): retrying cannot help.
  not_configured: { status: 503, message: "This feature is not configured on the server." },
  internal: { status: 500, message: "Something went wrong on our side.", retryable: true },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The codes as a zod enum: the problem+json schema and the OpenAPI document are generated from it. */
export const errorCodeSchema = z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]);

/** Whether trying the same thing again can help: a job retries only these; the rest fail at once. */
export function isRetryableCode(code: ErrorCode): boolean {
  const meta = ERROR_CODES[code];
  return "retryable" in meta && meta.retryable;
}

export class AppError extends Error {
  override name = "AppError";
  get retryable(): boolean {
    return isRetryableCode(this.code);
  }
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_CODES[code].message,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/**
 * Work stopped because the request's client disconnected: routes answer it as a 503 to nobody, and
 * Next's log of a page render stopped this way is dropped (lib/log/quiet-client-gone.ts).
 */
export class ClientGoneError extends AppError {
  override name = "ClientGoneError";
  constructor() {
    super("unavailable", "The client has gone away.");
  }
}
