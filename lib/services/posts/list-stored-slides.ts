import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { AppError } from "@/lib/errors";

export interface StoredSlides {
  postId: string;
  slides: { index: number; storagePath: string; contentType: string | null; bytes: number | null }[];
}

/** A post's stored slides in order, read under RLS; not_found when the caller cannot see the post or nothing is stored. */
export async function listStoredSlides(db: Db, { workspaceId, postId }: { workspaceId: string; postId: string }): Promise<StoredSlides> {
  const rows = rowsOf<{ post_id: string; slide_index: number; storage_path: string; content_type: string | null; bytes: number | null }>(
    await db.execute(sql`
      select p.post_id, s.slide_index, s.storage_path, s.content_type, s.bytes
      from tiktok_slides s join tiktok_posts p on p.id = s.post_id
      where s.post_id = ${postId} and s.workspace_id = ${workspaceId} and s.storage_path is not null
      order by s.slide_index`),
  );
  const first = rows[0];
  if (!first) throw new AppError("not_found", "This post has no stored slides.");
  return {
    postId: first.post_id,
    slides: rows.map((row) => ({ index: row.slide_index, storagePath: row.storage_path, contentType: row.content_type, bytes: row.bytes })),
  };
}
