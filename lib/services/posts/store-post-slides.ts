import { PassThrough, Writable } from "node:stream";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { tiktokSlides } from "@/lib/db/schema";
import type { ScraperContext } from "@/lib/scrapers/context";
import { ScrapeError, toScrapeError } from "@/lib/scrapers/errors";
import { scrapeTiktokPost } from "@/lib/scrapers/platforms/tiktok/post";
import { createSlideDownloader } from "@/lib/scrapers/slides/download-slide";
import { sniffImageType, type ImageType } from "@/lib/scrapers/slides/magic-bytes";
import { isRunRunning } from "@/lib/services/job-runs/is-run-running";
import type { Storage } from "@/lib/storage/storage";
import { pendingSlide, scrapedOn } from "./plan-post-run";
import { recordFailedSlide, recordStoredSlide, type StoredSlide } from "./record-slide-outcome";

export const SLIDE_CONTENT_TYPES: Record<ImageType, string> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  heic: "image/heic",
  avif: "image/avif",
};

export interface StoreSlidesInput {
  runId: string;
  workspaceId: string;
  statsDate: string;
  postIds: string[];
  /** On the last attempt retryable errors mark the slide failed instead of leaving it for another try. */
  final: boolean;
}

export interface StoreSlidesResult {
  cancelled: boolean;
  stored: number;
  failed: number;
  bytes: number;
  /** Posts loaded again for fresh signed URLs. */
  reResolved: number;
  /** Some slides failed with a retryable error and are left for the next attempt. */
  retry: boolean;
  durationMs: number;
}

export interface StoreSlidesDeps {
  db: Db;
  scraper: ScraperContext;
  storage: Storage;
  now: () => Date;
}

interface PendingSlide {
  id: number;
  post_id: string;
  url: string;
  slide_index: number;
  source_urls: string[];
}

/** Deterministic: one object per workspace, post (tiktok_posts.id) and slide index; the extension comes from the magic bytes. */
export function slidePath(workspaceId: string, postId: string, index: number, type: ImageType): string {
  return `${workspaceId}/${postId}/${index}.${type === "jpeg" ? "jpg" : type}`;
}

/**
 * A batch's slides stage: every slide of its posts scraped today not yet stored (nor given up on today) is
 * streamed from the CDN into storage, typed by its magic bytes, at its deterministic path, and
 * recorded at once, so a slide already stored is never downloaded again. When every URL of a
 * slide is expired or refused, its post is loaded once more for fresh signed URLs; a slide that
 * still fails is marked failed, not its post.
 */
export async function storePostSlides(deps: StoreSlidesDeps, input: StoreSlidesInput): Promise<StoreSlidesResult> {
  const started = Date.now();
  const result: StoreSlidesResult = { cancelled: false, stored: 0, failed: 0, bytes: 0, reResolved: 0, retry: false, durationMs: 0 };
  if (!(await isRunRunning(deps.db, input.runId))) return { ...result, cancelled: true };
  const pending = rowsOf<PendingSlide>(
    await deps.db.execute(sql`
      select s.id, s.post_id, p.url, s.slide_index, s.source_urls
      from tiktok_slides s join tiktok_posts p on p.id = s.post_id join workspaces w on w.id = p.workspace_id
      where p.id in (select jsonb_array_elements_text(${JSON.stringify(input.postIds)}::jsonb)::uuid) and p.workspace_id = ${input.workspaceId}
        and ${scrapedOn(input.statsDate)} and ${pendingSlide(input.statsDate, sql`w.timezone`)}
      order by s.post_id, s.slide_index`),
  );
  const download = createSlideDownloader(deps.scraper);

  async function attempt(slide: PendingSlide, urls: readonly string[]): Promise<ScrapeError | null> {
    let upload: Promise<StoredSlide> | null = null;
    // The downloader hands the sink the image's first bytes first (it has checked them): they name
    // the type, hence the path and content type, and the rest streams straight into storage.
    const sink = () => {
      let pass: PassThrough | null = null;
      upload = null;
      return new Writable({
        write(chunk: Buffer, _encoding, done) {
          if (!pass) {
            const type = sniffImageType(chunk);
            if (!type) return done(new ScrapeError("parse_error", "the slide is not an image", { path: "magic bytes" }));
            const contentType = SLIDE_CONTENT_TYPES[type];
            const body = (pass = new PassThrough());
            upload = deps.storage.put(slidePath(input.workspaceId, slide.post_id, slide.slide_index, type), body, contentType).then((stored) => ({ ...stored, contentType, sourceUrl: "" }));
            // Awaited in final(); a destroyed attempt's rejection is expected and handled there.
            upload.catch(() => undefined);
          }
          if (pass.write(chunk)) done();
          else pass.once("drain", () => done());
        },
        final(done) {
          pass?.end();
          (upload ?? Promise.resolve()).then(() => done(), done);
        },
        destroy(error, done) {
          pass?.destroy(error ?? new Error("slide download aborted"));
          done(error);
        },
      });
    };
    try {
      const downloaded = await download(urls, sink);
      const stored = await (upload as Promise<StoredSlide> | null);
      if (!stored) throw new ScrapeError("parse_error", "the slide had no bytes", { url: downloaded.url });
      if (await recordStoredSlide(deps.db, { runId: input.runId, slideId: slide.id, slide: { ...stored, sourceUrl: downloaded.url }, now: deps.now() })) {
        result.stored++;
        result.bytes += stored.bytes;
      }
      return null;
    } catch (error) {
      return toScrapeError(error);
    }
  }

  const fail = async (slide: PendingSlide, code: string) => {
    if (await recordFailedSlide(deps.db, { runId: input.runId, slideId: slide.id, code, now: deps.now() })) result.failed++;
  };
  const settle = async (slide: PendingSlide, error: ScrapeError) => {
    if (error.retryable && !input.final && error.code !== "expired") result.retry = true;
    else await fail(slide, error.code);
  };

  const expired = new Map<string, PendingSlide[]>();
  await Promise.all(
    pending.map(async (slide) => {
      const error = await attempt(slide, slide.source_urls);
      if (!error) return;
      if (error.code === "expired") expired.set(slide.post_id, [...(expired.get(slide.post_id) ?? []), slide]);
      else await settle(slide, error);
    }),
  );

  // Re-resolve each post once: its page carries freshly signed URLs for every slide.
  await Promise.all(
    [...expired.values()].map(async (slides) => {
      const first = slides[0]!;
      result.reResolved++;
      const fresh = await scrapeTiktokPost(first.url, deps.scraper).catch((error: unknown) => toScrapeError(error));
      if (!("slides" in fresh)) {
        for (const slide of slides) await settle(slide, fresh);
        return;
      }
      await Promise.all(
        slides.map(async (slide) => {
          const urls = fresh.slides.find((candidate) => candidate.index === slide.slide_index)?.urls ?? [];
          await deps.db.update(tiktokSlides).set({ sourceUrls: urls }).where(and(eq(tiktokSlides.id, slide.id), isNull(tiktokSlides.storagePath)));
          const error = urls.length > 0 ? await attempt(slide, urls) : null;
          if (urls.length === 0) await fail(slide, "not_found");
          else if (error) await (error.code === "expired" ? fail(slide, "expired") : settle(slide, error));
        }),
      );
    }),
  );
  result.durationMs = Date.now() - started;
  return result;
}
