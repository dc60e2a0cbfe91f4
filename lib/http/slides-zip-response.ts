import { Readable } from "node:stream";
import { ZipFile } from "yazl";
import type { StoredSlides } from "@/lib/services/posts/list-stored-slides";
import type { Storage } from "@/lib/storage/storage";

const EXTENSIONS: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "image/heic": "heic", "image/avif": "avif" };

/** "7300…-slide-01.jpg": sorted as the post shows them, typed by what was stored. */
export function slideFileName(postId: string, index: number, contentType: string | null): string {
  return `${postId}-slide-${String(index + 1).padStart(2, "0")}.${EXTENSIONS[contentType ?? ""] ?? "bin"}`;
}

/**
 * Streams a zip of a post's slides: each file is opened only when the zip reaches it and piped
 * through, stored uncompressed (images are compressed already), so memory stays at one chunk.
 */
export function slidesZipResponse(storage: Storage, stored: StoredSlides): Response {
  const zip = new ZipFile();
  for (const slide of stored.slides) {
    zip.addReadStreamLazy(slideFileName(stored.postId, slide.index, slide.contentType), { compress: false }, (callback) => {
      storage.get(slide.storagePath).then(
        (body) => (body ? callback(null, body) : callback(new Error(`slide ${slide.index} is missing from storage`), undefined as never)),
        (error: unknown) => callback(error, undefined as never),
      );
    });
  }
  zip.end();
  return new Response(Readable.toWeb(Readable.from(zip.outputStream)) as ReadableStream, {
    status: 200,
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="tiktok-${stored.postId}-slides.zip"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
