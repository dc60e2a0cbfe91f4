import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import type { PostResult } from "./pipeline-stages";

interface Row {
  id: string;
  post_id: string;
  url: string;
  sheet_source: string | null;
  sheet_row: number | null;
  status: string;
  last_error_code: string | null;
  last_error: string | null;
  views: string | number | null;
  likes: string | number | null;
  comments: string | number | null;
  shares: string | number | null;
  saves: string | number | null;
  slide_count: number | null;
  slides_stored: string | number;
  last_scraped_at: Date | string | null;
  sheet_urls: string[] | null;
}

const num = (value: string | number | null) => (value === null ? null : Number(value));

/** The batch's per-post outcomes as the database holds them now (so a replayed write back sends the same). */
export async function loadPostResults(db: Db, { workspaceId, postIds }: { workspaceId: string; postIds: string[] }): Promise<PostResult[]> {
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select p.id, p.post_id, p.url, p.sheet_source, p.sheet_row, p.status::text as status, p.last_error_code, p.last_error,
        p.views, p.likes, p.comments, p.shares, p.saves, p.slide_count, p.last_scraped_at, p.sheet_urls,
        (select count(*) from tiktok_slides s where s.post_id = p.id and s.storage_path is not null) as slides_stored
      from tiktok_posts p
      where p.id in (select jsonb_array_elements_text(${JSON.stringify(postIds)}::jsonb)::uuid) and p.workspace_id = ${workspaceId}
        and p.status in ('scraped', 'failed')
      order by p.sheet_row nulls last, p.id`),
  );
  return rows.map((row) => ({
    id: row.id,
    postId: row.post_id,
    url: row.url,
    sheetSource: row.sheet_source,
    sheetRow: row.sheet_row,
    status: row.status === "failed" ? "failed" : "scraped",
    errorCode: row.status === "failed" ? row.last_error_code : null,
    reason: row.status === "failed" ? row.last_error : null,
    views: num(row.views),
    likes: num(row.likes),
    comments: num(row.comments),
    shares: num(row.shares),
    saves: num(row.saves),
    slideCount: row.slide_count,
    slidesStored: Number(row.slides_stored),
    lastScrapedAt: row.last_scraped_at === null ? null : new Date(row.last_scraped_at).toISOString(),
    sheetUrls: row.sheet_urls ?? [],
  }));
}
