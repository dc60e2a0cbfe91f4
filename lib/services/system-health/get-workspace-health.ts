import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";

export interface HealthDay {
  date: string;
  succeeded: number;
  partial: number;
  failed: number;
  cancelled: number;
  /** Median run duration that day, in seconds (finished runs only). */
  medianRunSeconds: number | null;
  batches: number;
  batchP50Ms: number | null;
  batchP95Ms: number | null;
  /** Mean share of a batch's items scraped. */
  successRate: number | null;
}

export interface WorkspaceHealth {
  days: HealthDay[];
  errors: { code: string; count: number }[];
  freshness: { activeAccounts: number; staleAccounts: number; failingAccounts: number; stalePosts: number; suspectSnapshots: number };
}

const num = (value: unknown): number => Number(value ?? 0);
const orNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** The System health page: the last `days` local days of runs and batches, error codes, and what is stale now (under RLS). */
export async function getWorkspaceHealth(db: Db, { workspaceId, timezone, now, days = 7 }: { workspaceId: string; timezone: string; now: Date; days?: number }): Promise<WorkspaceHealth> {
  const nowIso = now.toISOString();
  const series = sql`generate_series((${nowIso}::timestamptz at time zone ${timezone})::date - ${days - 1}::int, (${nowIso}::timestamptz at time zone ${timezone})::date, interval '1 day')`;
  // The first local day's midnight as an instant, so the created_at indexes serve the range.
  const since = sql`(((${nowIso}::timestamptz at time zone ${timezone})::date - ${days - 1}::int)::timestamp at time zone ${timezone})`;
  const [dayRows, errorRows, freshRows] = await Promise.all([
    db.execute(sql`
      with d as (select day::date as day from ${series} as day),
      r as (
        select (created_at at time zone ${timezone})::date as day, status::text as status,
          extract(epoch from finished_at - started_at) as seconds
        from job_runs where workspace_id = ${workspaceId} and created_at >= ${since}
      ),
      b as (
        select (created_at at time zone ${timezone})::date as day, duration_ms, success_rate
        from scraping_logs where workspace_id = ${workspaceId} and created_at >= ${since}
      )
      select d.day::text as date,
        (select count(*) from r where r.day = d.day and r.status = 'succeeded') as succeeded,
        (select count(*) from r where r.day = d.day and r.status = 'partial') as partial,
        (select count(*) from r where r.day = d.day and r.status = 'failed') as failed,
        (select count(*) from r where r.day = d.day and r.status = 'cancelled') as cancelled,
        (select percentile_cont(0.5) within group (order by r.seconds) from r where r.day = d.day and r.seconds is not null) as median_run_seconds,
        (select count(*) from b where b.day = d.day) as batches,
        (select percentile_cont(0.5) within group (order by b.duration_ms) from b where b.day = d.day) as p50,
        (select percentile_cont(0.95) within group (order by b.duration_ms) from b where b.day = d.day) as p95,
        (select avg(b.success_rate) from b where b.day = d.day) as success_rate
      from d order by d.day`),
    db.execute(sql`
      select e.key as code, sum(e.value::bigint) as count from scraping_logs l, jsonb_each_text(l.errors) e
      where l.workspace_id = ${workspaceId} and l.created_at >= ${since}
      group by 1 order by 2 desc, 1`),
    db.execute(sql`
      select
        (select count(*) from accounts where workspace_id = ${workspaceId} and active) as active,
        (select count(*) from accounts where workspace_id = ${workspaceId} and active
           and (latest_snapshot_date is null or latest_snapshot_date < (${nowIso}::timestamptz at time zone ${timezone})::date - 1)) as stale,
        (select count(*) from accounts where workspace_id = ${workspaceId} and active and health_status = 'failing') as failing,
        (select count(*) from tiktok_posts p join workspaces w on w.id = p.workspace_id
           where p.workspace_id = ${workspaceId} and p.first_scraped_at >= ${nowIso}::timestamptz - make_interval(days => w.post_refresh_days)
             and (p.last_scraped_at is null or p.last_scraped_at < ${nowIso}::timestamptz - interval '36 hours')) as stale_posts,
        (select count(*) from account_snapshots where workspace_id = ${workspaceId} and suspect_reason is not null) as suspect`),
  ]);
  const fresh = rowsOf<Record<string, unknown>>(freshRows)[0] ?? {};
  return {
    days: rowsOf<Record<string, unknown>>(dayRows).map((row) => ({
      date: String(row.date),
      succeeded: num(row.succeeded),
      partial: num(row.partial),
      failed: num(row.failed),
      cancelled: num(row.cancelled),
      medianRunSeconds: orNull(row.median_run_seconds),
      batches: num(row.batches),
      batchP50Ms: orNull(row.p50),
      batchP95Ms: orNull(row.p95),
      successRate: orNull(row.success_rate),
    })),
    errors: rowsOf<{ code: string; count: unknown }>(errorRows).map((row) => ({ code: row.code, count: num(row.count) })),
    freshness: { activeAccounts: num(fresh.active), staleAccounts: num(fresh.stale), failingAccounts: num(fresh.failing), stalePosts: num(fresh.stale_posts), suspectSnapshots: num(fresh.suspect) },
  };
}
