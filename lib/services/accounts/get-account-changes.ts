import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import type { AccountMetric } from "@/lib/domain/account-metrics";

export const CHANGE_WINDOWS = [7, 30, 90] as const;

export interface MetricChange {
  days: (typeof CHANGE_WINDOWS)[number];
  /** The snapshot compared with: the last one on or before `days` before the latest; null when history is shorter. */
  since: string | null;
  change: number | null;
  percent: number | null;
}

export interface AccountChanges {
  latestDate: string | null;
  latest: number | null;
  changes: MetricChange[];
}

const COLUMNS: Record<AccountMetric, ReturnType<typeof sql.raw>> = {
  followers: sql.raw("followers"),
  following: sql.raw("following"),
  posts: sql.raw("posts"),
  likes: sql.raw("likes"),
};

/**
 * The 7-, 30- and 90-day change of one figure, from the latest reported snapshot that is not
 * suspect; the base is the last such snapshot on or before the window's start, whose date is shown.
 */
export async function getAccountChanges(db: Db, input: { workspaceId: string; accountId: string; metric: AccountMetric }): Promise<AccountChanges> {
  const column = COLUMNS[input.metric];
  const usable = sql`s.account_id = ${input.accountId}::uuid and s.workspace_id = ${input.workspaceId}::uuid and s.suspect_reason is null and s.${column} is not null`;
  const rows = rowsOf<{ latest_date: string | null; latest: string | null; days: number; since: string | null; base: string | null }>(
    await db.execute(sql`
      with latest as (
        select s.snapshot_date as day, s.${column} as value from account_snapshots s where ${usable} order by s.snapshot_date desc limit 1
      )
      select to_char(l.day, 'YYYY-MM-DD') as latest_date, l.value::text as latest, w.days,
             to_char(b.day, 'YYYY-MM-DD') as since, b.value::text as base
      from unnest(${sql.raw(`array[${CHANGE_WINDOWS.join(",")}]`)}) as w(days)
      left join latest l on true
      left join lateral (
        select s.snapshot_date as day, s.${column} as value from account_snapshots s
        where ${usable} and s.snapshot_date <= l.day - w.days order by s.snapshot_date desc limit 1
      ) b on true
      order by w.days`),
  );
  const latest = rows[0]?.latest == null ? null : Number(rows[0].latest);
  return {
    latestDate: rows[0]?.latest_date ?? null,
    latest,
    changes: rows.map((row) => {
      const base = row.base == null ? null : Number(row.base);
      const change = latest !== null && base !== null ? latest - base : null;
      return { days: row.days as MetricChange["days"], since: row.since, change, percent: change !== null && base ? (change / base) * 100 : null };
    }),
  };
}
