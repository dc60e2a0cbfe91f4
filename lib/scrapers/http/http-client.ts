import type { Readable } from "node:stream";
import pRetry, { AbortError } from "p-retry";
import PQueue from "p-queue";
import { ProxyAgent, request, type Dispatcher } from "undici";
import { assertPublicDestination, createGuardedAgent, isBlockedDestination } from "@/lib/net/ssrf-guard";
import type { RateBucket, ScraperConfig } from "../config";
import { ScrapeError, isScrapeError } from "../errors";
import { browserHeaders } from "./browser-headers";
import { detectChallenge } from "./challenge";
import { ORIGINAL_HOST_HEADER, rewriteUrl } from "./origin-rewrite";
import { isWindowExhausted, retryAfterMs } from "./rate-limit-headers";

/** API tokens travel as query parameters (Graph APIs); errors and logs carry the URL without them. */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:access_token|api_key|key)=)[^&#]*/gi, "$1…");
}

const MAX_REDIRECTS = 5;

export interface HttpRequest {
  bucket: RateBucket;
  url: string;
  kind?: "html" | "json" | "image";
  headers?: Record<string, string>;
  /** Statuses handed back to the caller instead of being followed or treated as failures. */
  passStatuses?: number[];
}

export interface HttpResponse {
  status: number;
  /** The public URL after redirects (never the override origin), so callers can spot /login walls. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface HttpStream {
  status: number;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Readable;
}

export interface HttpClient {
  /** GET with rate limit, retries and a body-size cap; 429, 5xx and network errors never come back as responses. */
  get(req: HttpRequest): Promise<HttpResponse>;
  /** Runs any call (e.g. a vendor SDK) under the bucket's rate limit and the same retry policy; it must throw ScrapeError. */
  run<T>(bucket: RateBucket, task: () => Promise<T>): Promise<T>;
  /** One attempt, body not read: for streaming downloads that run their own retry loop. */
  open(req: HttpRequest): Promise<HttpStream>;
  close(): Promise<void>;
}

export function createHttpClient(config: ScraperConfig): HttpClient {
  // Operator-set override targets are the only destinations inside the network a scraper may reach.
  const allowedOrigins = [...config.originOverrides.values()];
  const direct = createGuardedAgent({
    allowedOrigins,
    lookup: config.lookup,
    keepAliveTimeout: 10_000,
    connections: 64,
    headersTimeout: config.timeoutMs,
    bodyTimeout: config.timeoutMs,
  });
  const proxies = config.proxyUrls.map((uri) => new ProxyAgent({ uri, headersTimeout: config.timeoutMs, bodyTimeout: config.timeoutMs }));
  const queues = new Map<RateBucket, PQueue>();
  let proxyIndex = 0;

  function dispatcher(): Dispatcher {
    if (proxies.length === 0) return direct;
    proxyIndex = (proxyIndex + 1) % proxies.length;
    return proxies[proxyIndex] ?? direct;
  }

  function queueFor(bucket: RateBucket): PQueue {
    let queue = queues.get(bucket);
    if (!queue) {
      const limit = config.limits[bucket] ?? { perSecond: 1, concurrency: 1 };
      const perInterval = limit.perSecond >= 1 ? { interval: 1000, intervalCap: Math.round(limit.perSecond) } : { interval: Math.round(1000 / limit.perSecond), intervalCap: 1 };
      queue = new PQueue({ concurrency: limit.concurrency, ...perInterval, strict: true });
      queues.set(bucket, queue);
    }
    return queue;
  }

  // Honour a platform that says its window is exhausted: hold the whole bucket until the reset.
  function pauseBucket(bucket: RateBucket, ms: number) {
    const queue = queueFor(bucket);
    if (queue.isPaused || ms <= 0) return;
    queue.pause();
    void config.wait(Math.min(ms, config.maxRetryAfterMs), { ref: false }).then(() => queue.start());
  }

  // Every hop, redirects included: http(s) only, a public name, and a public address once resolved
  // (the guarded agent checks the address again when it connects; through a proxy this is the check).
  async function refuseInternal(logical: URL, physical: URL) {
    if (!/^https?:$/.test(logical.protocol)) throw blockedError(logical, new Error(`${logical.protocol} URLs are not fetched`));
    try {
      await assertPublicDestination(physical, { allowedOrigins, lookup: config.lookup });
    } catch (error) {
      if (isBlockedDestination(error)) throw blockedError(logical, error);
      throw new ScrapeError("network", `resolving ${logical.host} failed: ${describe(error)}`, { url: redactUrl(logical.href) }, { cause: error });
    }
  }

  async function openOnce(req: HttpRequest): Promise<HttpStream> {
    let logical = new URL(req.url);
    for (let hop = 0; ; hop++) {
      const physical = rewriteUrl(logical, config.originOverrides);
      await refuseInternal(logical, physical);
      const headers: Record<string, string> = { ...browserHeaders(req.kind ?? "html"), ...req.headers };
      if (physical.host !== logical.host) headers[ORIGINAL_HOST_HEADER] = logical.host;
      let response: Dispatcher.ResponseData;
      try {
        response = await request(physical, { method: "GET", headers, dispatcher: dispatcher(), signal: AbortSignal.timeout(config.timeoutMs) });
      } catch (error) {
        if (isBlockedDestination(error)) throw blockedError(logical, error);
        throw new ScrapeError("network", `request to ${logical.host} failed: ${describe(error)}`, { url: redactUrl(logical.href) }, { cause: error });
      }
      const location = response.headers.location;
      if (response.statusCode >= 300 && response.statusCode < 400 && typeof location === "string" && !req.passStatuses?.includes(response.statusCode)) {
        response.body.resume();
        if (hop >= MAX_REDIRECTS) throw new ScrapeError("network", `too many redirects from ${redactUrl(req.url)}`, { url: redactUrl(req.url) });
        logical = new URL(location, logical);
        continue;
      }
      return { status: response.statusCode, url: logical.href, headers: response.headers, body: response.body };
    }
  }

  async function readCapped(stream: HttpStream): Promise<string> {
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      for await (const chunk of stream.body as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > config.maxBodyBytes) {
          stream.body.destroy();
          throw new ScrapeError("parse_error", `response from ${new URL(stream.url).host} is larger than ${config.maxBodyBytes} bytes`, { url: redactUrl(stream.url) });
        }
        chunks.push(chunk);
      }
    } catch (error) {
      if (isScrapeError(error)) throw error;
      throw new ScrapeError("network", `reading ${new URL(stream.url).host} failed: ${describe(error)}`, { url: redactUrl(stream.url) }, { cause: error });
    }
    return Buffer.concat(chunks).toString("utf8");
  }

  async function attempt(req: HttpRequest): Promise<HttpResponse> {
    const stream = await openOnce(req);
    const text = await readCapped(stream);
    const { status, headers, url } = stream;
    if (isWindowExhausted(headers)) pauseBucket(req.bucket, retryAfterMs(headers) ?? 0);
    const challenge = detectChallenge(status, headers, text);
    if (challenge) throw new ScrapeError("blocked", `${new URL(url).host} answered with an ${challenge}`, { status, url });
    if (req.passStatuses?.includes(status)) return { status, headers, url, text };
    if (status === 429) {
      const wait = retryAfterMs(headers) ?? undefined;
      if (wait) pauseBucket(req.bucket, wait);
      throw new ScrapeError("rate_limited", `${new URL(url).host} answered 429 Too Many Requests`, { status, url, retryAfterMs: wait });
    }
    // LinkedIn's 999 "Request denied" is a refusal of crawlers, not a server fault.
    if (status === 999) throw new ScrapeError("blocked", `${new URL(url).host} answered 999 Request denied`, { status, url });
    if (status >= 500) throw new ScrapeError("network", `${new URL(url).host} answered HTTP ${status}`, { status, url });
    return { status, headers, url, text };
  }

  async function withRetries<T>(bucket: RateBucket, run: () => Promise<T>): Promise<T> {
    const queue = queueFor(bucket);
    return pRetry(
      async () => {
        try {
          return (await queue.add(run)) as T;
        } catch (error) {
          if (isScrapeError(error) && (error.code === "network" || error.code === "rate_limited")) throw error;
          throw new AbortError(error instanceof Error ? error : String(error));
        }
      },
      {
        retries: config.maxRetries,
        minTimeout: config.retryMinMs,
        maxTimeout: config.retryMaxMs,
        randomize: true,
        onFailedAttempt: async ({ error, retriesLeft }) => {
          const wait = isScrapeError(error) ? error.details.retryAfterMs : undefined;
          if (wait === undefined || retriesLeft === 0) return;
          if (wait > config.maxRetryAfterMs) throw error;
          await config.wait(wait);
        },
      },
    );
  }

  return {
    get: (req) => withRetries(req.bucket, () => attempt(req)).catch(unwrap),
    run: (bucket, task) => withRetries(bucket, task).catch(unwrap),
    open: (req) => queueFor(req.bucket).add(() => openOnce(req)) as Promise<HttpStream>,
    async close() {
      await Promise.all([direct.close(), ...proxies.map((proxy) => proxy.close())]);
    },
  };
}

function blockedError(url: URL, cause: unknown): ScrapeError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ScrapeError("blocked", `refused to fetch ${url.host}: ${reason}`, { url: redactUrl(url.href) }, { cause });
}

// p-retry wraps aborts; callers should only ever see a ScrapeError.
function unwrap(error: unknown): never {
  if (error instanceof AbortError) throw error.originalError;
  throw error;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: string }).code;
    if (error.name === "TimeoutError" || error.name === "AbortError") return "timed out";
    return code ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
