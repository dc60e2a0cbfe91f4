import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { SOURCE_REASONS } from "@/lib/domain/suspect-reasons";
import type { SnapshotSource } from "@/lib/domain/statuses";
import type { StoredReading } from "@/lib/scrapers/reconcile-readings";
import { QUALITY_WINDOW_DAYS } from "./score-data-quality";

export interface SourceDisagreement {
  date: string;
  reason: (typeof SOURCE_REASONS)[number];
  /** The figure the snapshot keeps, and the source it came from. */
  followers: number;
  source: SnapshotSource;
  /** Every reading of that day, the chosen one first (one, for a change of source). */
  readings: StoredReading[];
  /** The reported day before: what a change of source is measured against. */
  previous: { source: SnapshotSource; followers: number } | null;
}

/** The account's days in the data-quality window flagged because sources disagreed, newest first, under the caller's RLS. */
export async function listSourceDisagreements(db: Db, { workspaceId, accountId, today }: { workspaceId: string; accountId: string; today: string }): Promise<SourceDisagreement[]> {
  const reasons = sql.join(SOURCE_REASONS.map((reason) => sql`${reason}`), sql`, `);
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select to_char(snapshot_date, 'YYYY-MM-DD') as date, suspect_reason, followers::float8 as followers, source::text as source,
             extra->'readings' as readings, previous_source, previous_followers
      from (
        select s.snapshot_date, s.suspect_reason, s.followers, s.source, s.extra,
               lag(s.source::text) over w as previous_source, lag(s.followers::float8) over w as previous_followers
        from account_snapshots s
        where s.workspace_id = ${workspaceId} and s.account_id = ${accountId} and s.followers is not null
          and s.snapshot_date > ${today}::date - ${QUALITY_WINDOW_DAYS * 2}::int
        window w as (order by s.snapshot_date)
      ) t
      where suspect_reason in (${reasons}) and snapshot_date > ${today}::date - ${QUALITY_WINDOW_DAYS}::int
      order by snapshot_date desc`),
  );
  return rows.map((row) => ({
    date: row.date as string,
    reason: row.suspect_reason as SourceDisagreement["reason"],
    followers: Number(row.followers),
    source: row.source as SnapshotSource,
    readings: Array.isArray(row.readings) ? (row.readings as StoredReading[]) : [],
    previous: row.previous_source === null ? null : { source: row.previous_source as SnapshotSource, followers: Number(row.previous_followers) },
  }));
}
