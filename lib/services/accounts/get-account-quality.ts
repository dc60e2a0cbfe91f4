import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { QUALITY_WINDOW_DAYS, scoreDataQuality, type DataQuality } from "./score-data-quality";

/** One account's data-quality score on the workspace's `today`, under the caller's RLS (null: never snapshotted, or not theirs). */
export async function getAccountQuality(db: Db, { workspaceId, accountId, today }: { workspaceId: string; accountId: string; today: string }): Promise<DataQuality | null> {
  const [row] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select to_char(min(s.snapshot_date), 'YYYY-MM-DD') as first_date,
             to_char(max(s.snapshot_date), 'YYYY-MM-DD') as latest_date,
             count(*) filter (where s.in_window and s.followers is not null)::int as reported_days,
             count(*) filter (where s.in_window and s.followers is not null and s.approximate)::int as approximate_days,
             count(*) filter (where s.in_window and s.suspect_reason is not null)::int as suspect_days
      from (
        select snapshot_date, followers, approximate, suspect_reason,
               snapshot_date between ${today}::date - ${QUALITY_WINDOW_DAYS - 1}::int and ${today}::date as in_window
        from account_snapshots where workspace_id = ${workspaceId} and account_id = ${accountId}
      ) s`),
  );
  return scoreDataQuality({
    today,
    firstDate: (row?.first_date as string | null) ?? null,
    latestDate: (row?.latest_date as string | null) ?? null,
    reportedDays: Number(row?.reported_days ?? 0),
    approximateDays: Number(row?.approximate_days ?? 0),
    suspectDays: Number(row?.suspect_days ?? 0),
  });
}
