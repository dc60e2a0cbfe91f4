import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { tiktokPosts, tiktokPostStats, tiktokSlides } from "@/lib/db/schema";
import type { Count } from "@/lib/scrapers/counts";
import type { PostMetrics } from "@/lib/scrapers/types";

const value = (count: Count | null) => count?.value ?? null;

/**
 * Stores one scrape: the post's fields and counts, today's stats row (the first scrape of the day
 * stands: re-running the same day changes nothing), and a tiktok_slides row per slide with its
 * fresh mirror URLs. Slides already stored keep their row untouched.
 */
export async function recordScrapedPost(
  db: Db,
  post: { id: string; workspaceId: string },
  metrics: PostMetrics,
  input: { statsDate: string; now: Date },
): Promise<void> {
  const counts = { views: value(metrics.views), likes: value(metrics.likes), comments: value(metrics.comments), shares: value(metrics.shares), saves: value(metrics.saves) };
  await db
    .update(tiktokPosts)
    .set({
      status: "scraped",
      caption: metrics.caption,
      hashtags: metrics.hashtags,
      mentions: metrics.mentions,
      musicId: metrics.music?.id ?? null,
      musicTitle: metrics.music?.title ?? null,
      musicAuthor: metrics.music?.author ?? null,
      durationSeconds: metrics.duration,
      postedAt: metrics.postedAt,
      isSlideshow: metrics.isSlideshow,
      slideCount: metrics.isSlideshow ? metrics.slides.length : 0,
      authorId: metrics.author.id,
      authorUniqueId: metrics.author.uniqueId,
      authorNickname: metrics.author.nickname,
      authorFollowers: value(metrics.author.followers),
      ...counts,
      firstScrapedAt: sql`coalesce(${tiktokPosts.firstScrapedAt}, ${input.now.toISOString()}::timestamptz)`,
      lastScrapedAt: input.now,
      lastErrorCode: null,
      lastError: null,
      attempts: sql`${tiktokPosts.attempts} + 1`,
      consecutiveFailures: 0,
      updatedAt: input.now,
    })
    .where(eq(tiktokPosts.id, post.id));
  await db
    .insert(tiktokPostStats)
    .values({ postId: post.id, workspaceId: post.workspaceId, date: input.statsDate, ...counts })
    .onConflictDoNothing({ target: [tiktokPostStats.postId, tiktokPostStats.date] });
  if (metrics.slides.length === 0) return;
  await db
    .insert(tiktokSlides)
    .values(
      metrics.slides.map((slide) => ({
        postId: post.id,
        workspaceId: post.workspaceId,
        slideIndex: slide.index,
        width: slide.width,
        height: slide.height,
        sourceUrl: slide.urls[0] ?? null,
        sourceUrls: slide.urls,
      })),
    )
    .onConflictDoUpdate({
      target: [tiktokSlides.postId, tiktokSlides.slideIndex],
      set: { sourceUrls: sql`excluded.source_urls`, sourceUrl: sql`excluded.source_url`, width: sql`excluded.width`, height: sql`excluded.height` },
      setWhere: sql`${tiktokSlides.storagePath} is null`,
    });
}
