import pino, { type DestinationStream, type Logger } from "pino";
import pretty from "pino-pretty";
import { env } from "@/lib/env";

export type { Logger } from "pino";

// Field names that hold credentials wherever they appear (two levels deep, plus request headers).
const SECRET_FIELDS = [
  "password", "newPassword", "currentPassword", "token", "accessToken", "refreshToken", "idToken", "apiKey", "api_key",
  "secret", "clientSecret", "client_secret", "private_key", "privateKey", "cookie", "authorization", "assertion", "otp", "recoveryCode",
];
export const REDACTED_PATHS = [
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((field) => `*.${field}`),
  ...SECRET_FIELDS.map((field) => `*.*.${field}`),
  'headers["set-cookie"]', 'headers["x-api-key"]', 'req.headers["set-cookie"]',
];

// Secrets that travel inside text (an error message quoting a header, a key pasted into a cell).
const SECRET_TEXT: [RegExp, string][] = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g, "[private key redacted]"],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, "$1 [redacted]"],
  [/\b(reach_[A-Za-z0-9]+_)[A-Za-z0-9_-]{8,}/g, "$1[redacted]"],
  [/\bya29\.[A-Za-z0-9._-]+/g, "[google token redacted]"],
  [/((?:next-auth|__Secure-next-auth|__Host-next-auth)\.[\w.-]*token=)[^;\s]+/gi, "$1[redacted]"],
];

export function scrubText(text: string): string {
  return SECRET_TEXT.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text);
}

// An error's name, code, status and scrubbed message and stack: a gaxios or driver error also
// carries the request it made (bearer token, signed assertion, query parameters), which must not travel.
function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: scrubText(String(error)) };
  const shaped = error as Error & { code?: unknown; status?: unknown; response?: { status?: unknown } };
  return {
    type: error.name,
    message: scrubText(error.message),
    ...(typeof shaped.code === "string" || typeof shaped.code === "number" ? { code: shaped.code } : {}),
    ...(shaped.status ?? shaped.response?.status ? { status: shaped.status ?? shaped.response?.status } : {}),
    ...(error.stack ? { stack: scrubText(error.stack) } : {}),
    ...(error.cause instanceof Error ? { cause: serializeError(error.cause) } : {}),
  };
}

export interface LoggerOptions {
  level?: string;
  /** Where lines go (stdout by default); tests pass a stream they read back. */
  destination?: DestinationStream;
  pretty?: boolean;
}

/** A pino logger with Reach's redaction; `logger` below is the process's own. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const destination = options.destination ?? (options.pretty ? pretty({ colorize: true, sync: true, ignore: "pid,hostname" }) : undefined);
  return pino(
    {
      level: options.level ?? "info",
      base: { service: "reach" },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      serializers: { err: serializeError, error: serializeError },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === "string" ? scrubText(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

export const logger: Logger = createLogger({
  level: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"),
  pretty: env.NODE_ENV === "development",
});
