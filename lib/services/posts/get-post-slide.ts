import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { tiktokSlides } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

export interface ServableSlide {
  storagePath: string;
  contentType: string;
  bytes: number | null;
}

/**
 * A stored slide of a post of this workspace, read under RLS: a member sees it; anyone else (another
 * workspace's member, or nobody) gets not_found, the same answer as for a slide that does not exist.
 */
export async function getPostSlide(db: Db, { workspaceId, postId, index }: { workspaceId: string; postId: string; index: number }): Promise<ServableSlide> {
  const [slide] = await db
    .select({ storagePath: tiktokSlides.storagePath, contentType: tiktokSlides.contentType, bytes: tiktokSlides.bytes })
    .from(tiktokSlides)
    .where(and(eq(tiktokSlides.workspaceId, workspaceId), eq(tiktokSlides.postId, postId), eq(tiktokSlides.slideIndex, index), isNotNull(tiktokSlides.storagePath)));
  if (!slide?.storagePath) throw new AppError("not_found", "No such slide.");
  return { storagePath: slide.storagePath, contentType: slide.contentType ?? "application/octet-stream", bytes: slide.bytes };
}
