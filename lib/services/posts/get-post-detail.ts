import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { sheetRowUrl } from "@/lib/domain/sheet-link";
import { AppError } from "@/lib/errors";
import { postExplorerRowSchema, searchPosts, searchPostsQuerySchema, type ExplorerScope } from "./search-posts";

const count = z.number().int().nullable();

export const postDetailSchema = z.object({
  post: postExplorerRowSchema.extend({
    caption: z.string().nullable(),
    hashtags: z.array(z.string()),
    mentions: z.array(z.string()),
    music: z.object({ id: z.string().nullable(), title: z.string().nullable(), author: z.string().nullable() }),
    author: z.object({ id: z.string().nullable(), uniqueId: z.string().nullable(), nickname: z.string().nullable(), followers: count }),
    durationSeconds: z.number().nullable(),
    firstScrapedAt: z.iso.datetime().nullable(),
    lastScrapedAt: z.iso.datetime().nullable(),
    lastErrorAt: z.iso.datetime().nullable(),
    attempts: z.number().int(),
  }),
  sheet: z
    .object({ id: z.uuid(), name: z.string().nullable(), tab: z.string(), spreadsheetId: z.string(), row: z.number().int().nullable(), url: z.url().nullable() })
    .nullable(),
  slides: z.array(
    z.object({
      index: z.number().int(),
      stored: z.boolean(),
      url: z.string().nullable(),
      width: z.number().int().nullable(),
      height: z.number().int().nullable(),
      bytes: z.number().int().nullable(),
      contentType: z.string().nullable(),
      errorCode: z.string().nullable(),
    }),
  ),
  stats: z.array(z.object({ date: z.iso.date(), views: count, likes: count, comments: count, shares: count, saves: count })),
  runs: z.array(
    z.object({
      id: z.uuid(),
      status: z.string(),
      createdAt: z.iso.datetime(),
      finishedAt: z.iso.datetime().nullable(),
      error: z.string().nullable(),
      errors: z.record(z.string(), z.number()),
    }),
  ),
});
export type PostDetail = z.infer<typeof postDetailSchema>;

interface PostRow {
  caption: string | null;
  hashtags: string[];
  mentions: string[];
  music_id: string | null;
  music_title: string | null;
  music_author: string | null;
  author_id: string | null;
  author_unique_id: string | null;
  author_nickname: string | null;
  author_followers: string | number | null;
  duration_seconds: number | null;
  first_scraped_at: Date | string | null;
  last_scraped_at: Date | string | null;
  last_error_at: Date | string | null;
  attempts: number;
  sheet_source: string | null;
  sheet_row: number | null;
  created_at: Date | string;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const num = (value: string | number | null) => (value === null ? null : Number(value));
const RUNS_SHOWN = 10;

/**
 * Everything the post page shows, read under RLS: the explorer's row, its slides in order, its daily
 * stats, the sheet row it came from, and the pipeline runs that covered its sheet since it was added.
 */
export async function getPostDetail(db: Db, { scope, postId }: { scope: ExplorerScope & { workspaceSlug: string }; postId: string }): Promise<PostDetail> {
  const [post] = rowsOf<PostRow>(
    await db.execute(sql`
      select caption, hashtags, mentions, music_id, music_title, music_author, author_id, author_unique_id, author_nickname,
        author_followers, duration_seconds, first_scraped_at, last_scraped_at, last_error_at, attempts, sheet_source, sheet_row, created_at
      from tiktok_posts where id = ${postId} and workspace_id = ${scope.workspaceId}`),
  );
  if (!post) throw new AppError("not_found", "No such post.");
  // The explorer's own row, so both pages compute engagement and gains the same way.
  const [row] = (await searchPostsById(db, scope, postId)).data;
  if (!row) throw new AppError("not_found", "No such post.");

  const slides = rowsOf<{ slide_index: number; storage_path: string | null; width: number | null; height: number | null; bytes: number | null; content_type: string | null; last_error_code: string | null }>(
    await db.execute(sql`
      select slide_index, storage_path, width, height, bytes, content_type, last_error_code
      from tiktok_slides where post_id = ${postId} and workspace_id = ${scope.workspaceId} order by slide_index`),
  );
  const stats = rowsOf<{ date: string; views: string | number | null; likes: string | number | null; comments: string | number | null; shares: string | number | null; saves: string | number | null }>(
    await db.execute(sql`
      select date::text as date, views, likes, comments, shares, saves
      from tiktok_post_stats where post_id = ${postId} and workspace_id = ${scope.workspaceId} order by date`),
  );
  const sheetId = post.sheet_source && z.uuid().safeParse(post.sheet_source).success ? post.sheet_source : null;
  const [sheet] = sheetId
    ? rowsOf<{ id: string; name: string | null; tab: string; tab_gid: number | null; spreadsheet_id: string }>(
        await db.execute(sql`select id, name, tab, tab_gid, spreadsheet_id from sheet_sources where id = ${sheetId} and workspace_id = ${scope.workspaceId}`),
      )
    : [];
  const runs = rowsOf<{ id: string; status: string; created_at: Date | string; finished_at: Date | string | null; error: string | null; errors: Record<string, number> | null }>(
    await db.execute(sql`
      select r.id, r.status::text as status, r.created_at, r.finished_at, r.error,
        (select jsonb_object_agg(e.key, e.total) from (
          select key, sum(value::int) as total from scraping_logs l, jsonb_each_text(l.errors) where l.job_run_id = r.id group by key
        ) e) as errors
      from job_runs r
      where r.workspace_id = ${scope.workspaceId} and r.kind = 'posts.pipeline' and r.created_at >= ${iso(post.created_at)}::timestamptz
        and (r.params->>'sheetSourceId' is null or r.params->>'sheetSourceId' = ${post.sheet_source ?? ""})
      order by r.created_at desc limit ${RUNS_SHOWN}`),
  );

  return {
    post: {
      ...row,
      caption: post.caption,
      hashtags: post.hashtags,
      mentions: post.mentions,
      music: { id: post.music_id, title: post.music_title, author: post.music_author },
      author: { id: post.author_id, uniqueId: post.author_unique_id, nickname: post.author_nickname, followers: num(post.author_followers) },
      durationSeconds: post.duration_seconds === null ? null : Number(post.duration_seconds),
      firstScrapedAt: iso(post.first_scraped_at),
      lastScrapedAt: iso(post.last_scraped_at),
      lastErrorAt: iso(post.last_error_at),
      attempts: post.attempts,
    },
    sheet: sheet
      ? {
          id: sheet.id,
          name: sheet.name,
          tab: sheet.tab,
          spreadsheetId: sheet.spreadsheet_id,
          row: post.sheet_row,
          url: post.sheet_row === null ? null : sheetRowUrl(sheet.spreadsheet_id, post.sheet_row, { name: sheet.tab, gid: sheet.tab_gid }),
        }
      : null,
    slides: slides.map((slide) => ({
      index: slide.slide_index,
      stored: slide.storage_path !== null,
      url: slide.storage_path === null ? null : `/api/v1/workspaces/${scope.workspaceSlug}/posts/${postId}/slides/${slide.slide_index}`,
      width: slide.width,
      height: slide.height,
      bytes: slide.bytes,
      contentType: slide.content_type,
      errorCode: slide.last_error_code,
    })),
    stats: stats.map((stat) => ({ date: stat.date, views: num(stat.views), likes: num(stat.likes), comments: num(stat.comments), shares: num(stat.shares), saves: num(stat.saves) })),
    runs: runs.map((run) => ({ id: run.id, status: run.status, createdAt: new Date(run.created_at).toISOString(), finishedAt: iso(run.finished_at), error: run.error, errors: run.errors ?? {} })),
  };
}

function searchPostsById(db: Db, scope: ExplorerScope, postId: string) {
  return searchPosts(db, { scope, query: { ...searchPostsQuerySchema.parse({ limit: 1 }), id: postId } });
}
