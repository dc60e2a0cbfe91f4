import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { tiktokPosts } from "@/lib/db/schema";

export const listPostsQuerySchema = z.object({
  status: z.enum(["pending", "scraping", "scraped", "failed", "skipped"]).optional(),
  va: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListPostsQuery = z.infer<typeof listPostsQuerySchema>;

export async function listPosts(tx: Tx, workspaceId: string, query: ListPostsQuery) {
  const filters = [eq(tiktokPosts.workspaceId, workspaceId)];
  if (query.status) filters.push(eq(tiktokPosts.status, query.status));
  if (query.va) filters.push(eq(tiktokPosts.va, query.va));
  return tx
    .select({
      id: tiktokPosts.id,
      postId: tiktokPosts.postId,
      url: tiktokPosts.url,
      creator: tiktokPosts.creator,
      setId: tiktokPosts.setId,
      va: tiktokPosts.va,
      status: tiktokPosts.status,
      isSlideshow: tiktokPosts.isSlideshow,
      slideCount: tiktokPosts.slideCount,
      views: tiktokPosts.views,
      likes: tiktokPosts.likes,
      postedAt: tiktokPosts.postedAt,
      lastErrorCode: tiktokPosts.lastErrorCode,
      lastError: tiktokPosts.lastError,
      consecutiveFailures: tiktokPosts.consecutiveFailures,
      // The Posts page shows slide 0 as a thumbnail when it is stored.
      hasThumbnail: sql<boolean>`exists (select 1 from tiktok_slides s where s.post_id = tiktok_posts.id and s.slide_index = 0 and s.storage_path is not null)`,
    })
    .from(tiktokPosts)
    .where(and(...filters))
    .orderBy(desc(tiktokPosts.postedAt))
    .limit(query.limit);
}
