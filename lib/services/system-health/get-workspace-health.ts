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
  /** Google Sheets API requests of the runs started that day, and the 429 quota answers among them. */
  sheetsRequests: number;
  sheetsRateLimited: number;
}

/** One platform's scrapes over the last 24 hours or the page's 7 local days. */
export interface PlatformHealth {
  platform: string;
  window: "24h" | "7d";
  /** Accounts or posts the batches finished, and the share of them scraped. */
  items: number;
  successRate: number | null;
  /** Single scrapes timed, retries included, and their latency percentiles. */
  scrapes: number;
  p50Ms: number | null;
  p95Ms: number | null;
}

export interface WorkspaceHealth {
  days: HealthDay[];
  platforms: PlatformHealth[];
  /** Item failures by platform (null: batches logged before platforms were recorded) and code. */
  errors: { platform: string | null; code: string; count: number }[];
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
  const [dayRows, platformRows, errorRows, freshRows] = await Promise.all([
    db.execute(sql`
      with d as (select day::date as day from ${series} as day),
      r as (
        select (created_at at time zone ${timezone})::date as day, status::text as status,
          extract(epoch from finished_at - started_at) as seconds,
          coalesce((counters->>'sheetReadRequests')::int, 0) + coalesce((counters->>'sheetWriteRequests')::int, 0) as sheets_requests,
          coalesce((counters->>'sheetRateLimited')::int, 0) as sheets_rate_limited
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
        (select avg(b.success_rate) from b where b.day = d.day) as success_rate,
        (select coalesce(sum(r.sheets_requests), 0) from r where r.day = d.day) as sheets_requests,
        (select coalesce(sum(r.sheets_rate_limited), 0) from r where r.day = d.day) as sheets_rate_limited
      from d order by d.day`),
    db.execute(sql`
      with w(name, since) as (values ('24h', ${nowIso}::timestamptz - interval '24 hours'), ('7d', ${since})),
      logs as (
        select w.name, l.platform::text as platform, l.urls_processed, l.success_rate, l.scrape_ms
        from scraping_logs l join w on l.created_at >= w.since
        where l.workspace_id = ${workspaceId} and l.platform is not null
          and l.created_at >= least(${since}, ${nowIso}::timestamptz - interval '24 hours')
      ),
      rates as (
        select name, platform, sum(urls_processed) as items,
          sum(urls_processed * success_rate) / nullif(sum(urls_processed) filter (where success_rate is not null), 0) as success_rate
        from logs group by 1, 2
      ),
      latencies as (
        select name, platform, count(*) as scrapes,
          percentile_cont(0.5) within group (order by ms) as p50, percentile_cont(0.95) within group (order by ms) as p95
        from logs, unnest(logs.scrape_ms) as ms group by 1, 2
      )
      select r.name as window, r.platform, r.items, r.success_rate, coalesce(t.scrapes, 0) as scrapes, t.p50, t.p95
      from rates r left join latencies t using (name, platform)
      order by r.platform, r.name`),
    db.execute(sql`
      select l.platform::text as platform, e.key as code, sum(e.value::bigint) as count from scraping_logs l, jsonb_each_text(l.errors) e
      where l.workspace_id = ${workspaceId} and l.created_at >= ${since}
      group by 1, 2 order by 3 desc, 1, 2`),
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
      sheetsRequests: num(row.sheets_requests),
      sheetsRateLimited: num(row.sheets_rate_limited),
    })),
    platforms: rowsOf<Record<string, unknown>>(platformRows).map((row) => ({
      platform: String(row.platform),
      window: row.window === "24h" ? "24h" : "7d",
      items: num(row.items),
      successRate: orNull(row.success_rate),
      scrapes: num(row.scrapes),
      p50Ms: orNull(row.p50),
      p95Ms: orNull(row.p95),
    })),
    errors: rowsOf<{ platform: string | null; code: string; count: unknown }>(errorRows).map((row) => ({ platform: row.platform, code: row.code, count: num(row.count) })),
    freshness: { activeAccounts: num(fresh.active), staleAccounts: num(fresh.stale), failingAccounts: num(fresh.failing), stalePosts: num(fresh.stale_posts), suspectSnapshots: num(fresh.suspect) },
  };
}
