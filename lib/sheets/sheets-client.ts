import type { sheets_v4 } from "@googleapis/sheets";
import { JWT } from "google-auth-library";
import PQueue from "p-queue";
import pRetry from "p-retry";
import type { SheetsConfig } from "./sheets-config";
import { isRateLimited, isRetryable, toSheetsError } from "./sheets-error";
import { createGoogleTransport } from "./transport";

export const SHEETS_SCOPE = "https://www.googleapis.com/auth/spreadsheets";

export interface SheetsCounters {
  readRequests: number;
  writeRequests: number;
  /** 429 RESOURCE_EXHAUSTED answers, each retried after a backoff. */
  rateLimited: number;
  retries: number;
}

export interface CallContext {
  spreadsheetId?: string;
  tab?: string;
}

type Call<T> = (api: sheets_v4.Sheets, options: { timeout: number; retry: false }) => Promise<{ data: T }>;

export interface SheetsClient {
  readonly email: string;
  /** A values/metadata read: throttled to the read quota, retried on 429 and 5xx, errors mapped. */
  read<T>(context: CallContext, call: Call<T>): Promise<T>;
  /** The same against the write quota. */
  write<T>(context: CallContext, call: Call<T>): Promise<T>;
  counters(): SheetsCounters;
}

function minuteQueue(perMinute: number) {
  return new PQueue({ intervalCap: perMinute, interval: 60_000, strict: true });
}

/** One client per service account and process, so its throttle sees every request that account makes. */
export async function createSheetsClient(config: SheetsConfig): Promise<SheetsClient> {
  // Loaded on first use: googleapis adds ~20 MB of RSS and only sheet work needs it.
  const { sheets } = await import("@googleapis/sheets");
  const auth = new JWT({
    email: config.key.client_email,
    key: config.key.private_key,
    keyId: config.key.private_key_id,
    scopes: [SHEETS_SCOPE],
    transporter: createGoogleTransport(config.originOverrides),
  });
  const api = sheets({ version: "v4", auth });
  const counters: SheetsCounters = { readRequests: 0, writeRequests: 0, rateLimited: 0, retries: 0 };
  const queues = { read: minuteQueue(config.quota.readsPerMinute), write: minuteQueue(config.quota.writesPerMinute) };
  const options = { timeout: config.timeoutMs, retry: false as const };

  async function run<T>(kind: "read" | "write", context: CallContext, call: Call<T>): Promise<T> {
    try {
      return await pRetry(
        () =>
          queues[kind].add(async () => {
            counters[kind === "read" ? "readRequests" : "writeRequests"] += 1;
            return (await call(api, options)).data;
          }),
        {
          retries: config.retry.retries,
          minTimeout: config.retry.minTimeoutMs,
          maxTimeout: config.retry.maxTimeoutMs,
          randomize: true,
          shouldRetry: ({ error }) => isRetryable(error),
          onFailedAttempt: ({ error, retriesLeft }) => {
            if (isRateLimited(error)) counters.rateLimited += 1;
            if (retriesLeft > 0 && isRetryable(error)) counters.retries += 1;
          },
        },
      );
    } catch (error) {
      throw toSheetsError(error, { ...context, email: config.key.client_email });
    }
  }

  return {
    email: config.key.client_email,
    read: (context, call) => run("read", context, call),
    write: (context, call) => run("write", context, call),
    counters: () => ({ ...counters }),
  };
}
