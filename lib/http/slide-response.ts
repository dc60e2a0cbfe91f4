import { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import type { ServableSlide } from "@/lib/services/posts/get-post-slide";
import type { Storage } from "@/lib/storage/storage";

/** Signed URLs live this long: enough to load the image, too short to share. */
export const SLIDE_URL_SECONDS = 300;

/**
 * Serves a slide the caller may see: a redirect to a short-lived signed URL where the storage has
 * them (Supabase), else the file streamed with the type its magic bytes gave. Private caching only.
 */
export async function slideResponse(storage: Storage, slide: ServableSlide): Promise<Response> {
  if (storage.url) {
    const location = await storage.url(slide.storagePath, { expiresInSeconds: SLIDE_URL_SECONDS });
    return new Response(null, { status: 302, headers: { location, "cache-control": "private, no-store" } });
  }
  const body = await storage.get(slide.storagePath);
  if (!body) throw new AppError("not_found", "The slide's file is missing.");
  const headers: Record<string, string> = {
    "content-type": slide.contentType,
    "cache-control": "private, max-age=3600",
    "x-content-type-options": "nosniff",
  };
  if (slide.bytes !== null) headers["content-length"] = String(slide.bytes);
  return new Response(Readable.toWeb(body) as ReadableStream, { status: 200, headers });
}
