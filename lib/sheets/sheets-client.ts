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
  /** The same client, also counting this caller's requests, 429s and retries into `tally`. */
  tallied(tally: SheetsCounters): SheetsClient;
}

export const emptySheetsCounters = (): SheetsCounters => ({ readRequests: 0, writeRequests: 0, rateLimited: 0, retries: 0 });

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
  const counters = emptySheetsCounters();
  const queues = { read: minuteQueue(config.quota.readsPerMinute), write: minuteQueue(config.quota.writesPerMinute) };
  const options = { timeout: config.timeoutMs, retry: false as const };

  async function run<T>(kind: "read" | "write", context: CallContext, call: Call<T>, tally?: SheetsCounters): Promise<T> {
    const count = (key: keyof SheetsCounters) => {
      counters[key] += 1;
      if (tally) tally[key] += 1;
    };
    try {
      return await pRetry(
        () =>
          queues[kind].add(async () => {
            count(kind === "read" ? "readRequests" : "writeRequests");
            return (await call(api, options)).data;
          }),
        {
          retries: config.retry.retries,
          minTimeout: config.retry.minTimeoutMs,
          maxTimeout: config.retry.maxTimeoutMs,
          randomize: true,
          shouldRetry: ({ error }) => isRetryable(error),
          onFailedAttempt: ({ error, retriesLeft }) => {
            if (isRateLimited(error)) count("rateLimited");
            if (retriesLeft > 0 && isRetryable(error)) count("retries");
          },
        },
      );
    } catch (error) {
      throw toSheetsError(error, { ...context, email: config.key.client_email });
    }
  }

  const view = (tally?: SheetsCounters): SheetsClient => ({
    email: config.key.client_email,
    read: (context, call) => run("read", context, call, tally),
    write: (context, call) => run("write", context, call, tally),
    counters: () => ({ ...counters }),
    tallied: (next) => view(next),
  });
  return view();
}
