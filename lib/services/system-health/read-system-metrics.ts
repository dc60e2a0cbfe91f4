import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";

export interface SystemMetrics {
  /** Runs created in the last 24 h, by kind and status. */
  runs: { kind: string; status: string; count: number }[];
  activeRuns: number;
  accounts: { active: number; stale: number; failing: number };
  /** Posts within their refresh window whose last scrape is older than 36 h. */
  stalePosts: number;
  /** Batches logged in the last 24 h: count, duration percentiles, mean success rate. */
  batches: { count: number; p50Ms: number | null; p95Ms: number | null; successRate: number | null };
  /** Item failures in the last 24 h's batches, by error code. */
  errors: { code: string; count: number }[];
  suspectSnapshots: number;
  sheetWriteRequests24h: number;
}

const num = (value: unknown): number => Number(value ?? 0);
const orNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/**
 * The operator's view for /api/metrics, over every workspace (the service path). Each figure is
 * one indexed aggregate: runs and logs by created_at, accounts by their kept latest snapshot date.
 */
export async function readSystemMetrics(db: Db, { now }: { now: Date }): Promise<SystemMetrics> {
  const since = new Date(now.getTime() - 24 * 3_600_000).toISOString();
  const staleBefore = new Date(now.getTime() - 36 * 3_600_000).toISOString();
  const [runs, active, accounts, posts, batches, errors, suspect, writes] = await Promise.all([
    db.execute(sql`select kind, status::text as status, count(*) as count from job_runs where created_at >= ${since}::timestamptz group by 1, 2 order by 1, 2`),
    db.execute(sql`select count(*) as count from job_runs where status in ('queued', 'running')`),
    db.execute(sql`select count(*) filter (where active) as active,
        count(*) filter (where active and (latest_snapshot_date is null or latest_snapshot_date < (${now.toISOString()}::timestamptz - interval '1 day')::date)) as stale,
        count(*) filter (where active and health_status = 'failing') as failing
      from accounts`),
    db.execute(sql`select count(*) as count from tiktok_posts p join workspaces w on w.id = p.workspace_id
      where p.first_scraped_at >= ${now.toISOString()}::timestamptz - make_interval(days => w.post_refresh_days)
        and (p.last_scraped_at is null or p.last_scraped_at < ${staleBefore}::timestamptz)`),
    db.execute(sql`select count(*) as count,
        percentile_cont(0.5) within group (order by duration_ms) as p50,
        percentile_cont(0.95) within group (order by duration_ms) as p95,
        avg(success_rate) as success_rate
      from scraping_logs where created_at >= ${since}::timestamptz`),
    db.execute(sql`select e.key as code, sum(e.value::bigint) as count from scraping_logs l, jsonb_each_text(l.errors) e
      where l.created_at >= ${since}::timestamptz group by 1 order by 1`),
    db.execute(sql`select count(*) as count from account_snapshots where suspect_reason is not null`),
    db.execute(sql`select coalesce(sum((counters->>'sheetWriteRequests')::bigint), 0) as count from job_runs where created_at >= ${since}::timestamptz`),
  ]);
  const accountRow = rowsOf<{ active: unknown; stale: unknown; failing: unknown }>(accounts)[0];
  const batchRow = rowsOf<{ count: unknown; p50: unknown; p95: unknown; success_rate: unknown }>(batches)[0];
  return {
    runs: rowsOf<{ kind: string; status: string; count: unknown }>(runs).map((row) => ({ kind: row.kind, status: row.status, count: num(row.count) })),
    activeRuns: num(rowsOf<{ count: unknown }>(active)[0]?.count),
    accounts: { active: num(accountRow?.active), stale: num(accountRow?.stale), failing: num(accountRow?.failing) },
    stalePosts: num(rowsOf<{ count: unknown }>(posts)[0]?.count),
    batches: { count: num(batchRow?.count), p50Ms: orNull(batchRow?.p50), p95Ms: orNull(batchRow?.p95), successRate: orNull(batchRow?.success_rate) },
    errors: rowsOf<{ code: string; count: unknown }>(errors).map((row) => ({ code: row.code, count: num(row.count) })),
    suspectSnapshots: num(rowsOf<{ count: unknown }>(suspect)[0]?.count),
    sheetWriteRequests24h: num(rowsOf<{ count: unknown }>(writes)[0]?.count),
  };
}
