import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import type { StoredObject } from "@/lib/storage/storage";

export interface StoredSlide extends StoredObject {
  contentType: string;
  sourceUrl: string;
}

/**
 * Records a stored slide and counts it in the run in one statement. Only a slide still pending
 * changes, so a replayed step neither records nor counts it twice. Returns whether it counted.
 */
export async function recordStoredSlide(db: Db, { runId, slideId, slide, now }: { runId: string; slideId: number; slide: StoredSlide; now: Date }): Promise<boolean> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      with stored as (
        update tiktok_slides set storage_path = ${slide.path}, bytes = ${slide.bytes}::int, sha256 = ${slide.sha256},
          content_type = ${slide.contentType}, source_url = ${slide.sourceUrl}, downloaded_at = ${now.toISOString()}::timestamptz,
          failed_at = null, last_error_code = null
        where id = ${slideId} and storage_path is null returning bytes)
      update job_runs set counters = counters
        || jsonb_build_object('slidesStored', coalesce((counters->>'slidesStored')::int, 0) + 1)
        || jsonb_build_object('slideBytes', coalesce((counters->>'slideBytes')::bigint, 0) + (select bytes from stored))
      where id = ${runId} and exists (select 1 from stored)
      returning id`),
  );
  return rows.length > 0;
}

/** Gives up on a slide for today (every mirror failed, even after re-resolving the post); the post stays scraped. */
export async function recordFailedSlide(db: Db, { runId, slideId, code, now }: { runId: string; slideId: number; code: string; now: Date }): Promise<boolean> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      with failed as (
        update tiktok_slides set failed_at = ${now.toISOString()}::timestamptz, last_error_code = ${code}
        where id = ${slideId} and storage_path is null and (failed_at is null or failed_at < ${now.toISOString()}::timestamptz) returning id)
      update job_runs set counters = counters || jsonb_build_object('slidesFailed', coalesce((counters->>'slidesFailed')::int, 0) + 1)
      where id = ${runId} and exists (select 1 from failed)
      returning id`),
  );
  return rows.length > 0;
}
