import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { AppError } from "@/lib/errors";

export interface PostHistoryRow {
  date: string;
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
}

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** Under the caller's RLS: someone else's post, or none, is not found. */
export async function requirePost(db: Db, { workspaceId, postId }: { workspaceId: string; postId: string }): Promise<void> {
  const rows = rowsOf(await db.execute(sql`select 1 from tiktok_posts where id = ${postId} and workspace_id = ${workspaceId}`));
  if (rows.length === 0) throw new AppError("not_found", "No such post.");
}

/** One page of a post's daily stats, oldest first, after the date `after` (keyset), for an export. */
export async function listPostHistory(
  db: Db,
  { workspaceId, postId, after, limit }: { workspaceId: string; postId: string; after: string | null; limit: number },
): Promise<PostHistoryRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select to_char(date, 'YYYY-MM-DD') as date, views::float8 as views, likes::float8 as likes,
        comments::float8 as comments, shares::float8 as shares, saves::float8 as saves
      from tiktok_post_stats
      where post_id = ${postId} and workspace_id = ${workspaceId} and date > ${after ?? "-infinity"}::date
      order by date limit ${limit}`),
  );
  return rows.map((row) => ({
    date: String(row.date),
    views: num(row.views),
    likes: num(row.likes),
    comments: num(row.comments),
    shares: num(row.shares),
    saves: num(row.saves),
  }));
}
