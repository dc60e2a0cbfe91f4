import { createHash } from "node:crypto";
import { Transform, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pRetry, { AbortError } from "p-retry";
import PQueue from "p-queue";
import type { ScraperContext } from "../context";
import { ScrapeError, isScrapeError } from "../errors";
import { urlExpiry } from "../platforms/tiktok/cdn-url";
import { MAGIC_BYTES_NEEDED, sniffImageType, type ImageType } from "./magic-bytes";

export interface DownloadedSlide {
  url: string;
  type: ImageType;
  bytes: number;
  sha256: string;
}

/** Called once per attempt; a failed attempt's sink is destroyed, so give a fresh one each time. */
export type SlideSink = () => Writable | Promise<Writable>;

const DEAD_MIRROR = new Set([403, 404, 410]);

// Checks the magic bytes before the first byte reaches the sink, then hashes and counts as data flows.
function inspector(maxBytes: number, url: string) {
  const hash = createHash("sha256");
  const result = { bytes: 0, type: null as ImageType | null };
  let head = Buffer.alloc(0);
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      result.bytes += chunk.length;
      if (result.bytes > maxBytes) return done(new ScrapeError("parse_error", `slide is larger than ${maxBytes} bytes`, { url }));
      hash.update(chunk);
      if (result.type) return done(null, chunk);
      head = Buffer.concat([head, chunk]);
      if (head.length < MAGIC_BYTES_NEEDED) return done();
      result.type = sniffImageType(head);
      if (!result.type) return done(new ScrapeError("parse_error", "the slide is not a JPEG, PNG, WebP, HEIC or AVIF image", { url, path: "magic bytes" }));
      done(null, head);
    },
    flush(done) {
      if (!result.type) result.type = sniffImageType(head);
      if (!result.type) return done(new ScrapeError("parse_error", "the slide is too short to be an image", { url, path: "magic bytes" }));
      done(null, head.length < MAGIC_BYTES_NEEDED ? head : undefined);
    },
  });
  return { transform, result, digest: () => hash.digest("hex") };
}

async function fromMirror(url: string, sink: SlideSink, ctx: ScraperContext): Promise<DownloadedSlide | "dead"> {
  const stream = await ctx.http.open({ bucket: "tiktok-cdn", url, kind: "image", headers: { referer: "https://www.tiktok.com/" } });
  if (DEAD_MIRROR.has(stream.status)) {
    stream.body.resume();
    return "dead";
  }
  if (stream.status !== 200) {
    stream.body.resume();
    const code = stream.status === 429 ? "rate_limited" : "network";
    throw new ScrapeError(code, `slide CDN answered HTTP ${stream.status}`, { status: stream.status, url });
  }
  const { transform, result, digest } = inspector(ctx.config.slides.maxBytes, url);
  const target = await sink();
  try {
    await pipeline(stream.body, transform, target);
  } catch (error) {
    target.destroy();
    if (isScrapeError(error)) throw error;
    throw new ScrapeError("network", `slide download broke off: ${error instanceof Error ? error.message : String(error)}`, { url }, { cause: error });
  }
  return { url, type: result.type ?? "jpeg", bytes: result.bytes, sha256: digest() };
}

/**
 * Streams one slide into a sink, trying each mirror in turn. Reports `expired` when every URL is past its
 * x-expires or refused, so the caller re-resolves the post once and calls again with fresh URLs.
 */
export async function downloadSlide(urls: readonly string[], sink: SlideSink, ctx: ScraperContext): Promise<DownloadedSlide> {
  const now = Date.now() + ctx.config.slides.expiryMarginMs;
  const live = urls.filter((url) => (urlExpiry(url)?.getTime() ?? Infinity) > now);
  if (live.length === 0) throw new ScrapeError("expired", "every URL of this slide is past its x-expires", { url: urls[0] });
  return pRetry(
    async () => {
      for (const url of live) {
        try {
          const downloaded = await fromMirror(url, sink, ctx);
          if (downloaded !== "dead") return downloaded;
        } catch (error) {
          if (isScrapeError(error) && !error.retryable) throw new AbortError(error);
          throw error;
        }
      }
      throw new AbortError(new ScrapeError("expired", "every mirror of this slide refused the download (403/404)", { url: live[0] }));
    },
    { retries: ctx.config.maxRetries, minTimeout: ctx.config.retryMinMs, maxTimeout: ctx.config.retryMaxMs, randomize: true },
  ).catch((error: unknown) => {
    throw error instanceof AbortError ? error.originalError : error;
  });
}

/** Downloads many slides with a concurrency cap (SCRAPER_SLIDE_CONCURRENCY, default 5). */
export function createSlideDownloader(ctx: ScraperContext) {
  const queue = new PQueue({ concurrency: ctx.config.slides.concurrency });
  return (urls: readonly string[], sink: SlideSink) => queue.add(() => downloadSlide(urls, sink, ctx)) as Promise<DownloadedSlide>;
}
