import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { addDays, calendarDays } from "@/lib/domain/calendar";
import { STALE_AFTER_DAYS } from "@/lib/domain/freshness";
import { localDate } from "@/lib/domain/local-time";
import { PLATFORMS } from "@/lib/domain/platforms";

/** Days in the followers chart, today included. */
export const FOLLOWER_CHART_DAYS = 30;
const LIST = 5;

const isoTime = z.string();
const moverSchema = z.object({
  id: z.uuid(),
  platform: z.enum(PLATFORMS),
  handle: z.string(),
  displayName: z.string().nullable(),
  followers: z.number().int().nullable(),
  approximate: z.boolean(),
  change7d: z.number().int(),
});
export const overviewSchema = z.object({
  /** The workspace's calendar day the figures are for. */
  today: z.iso.date(),
  accounts: z.object({
    /** Accounts being tracked (not paused): the set every account figure here counts. */
    active: z.number().int(),
    all: z.number().int(),
    /** Active accounts whose latest snapshot is older than the freshness window. */
    stale: z.number().int(),
    neverScraped: z.number().int(),
    failing: z.number().int(),
  }),
  followers: z.object({
    /** The latest day of the chart that has a total, and that total. */
    asOf: z.iso.date().nullable(),
    total: z.number().int().nullable(),
    accounts: z.number().int(),
    approximate: z.boolean(),
    /** The sum of each fresh active account's own change: an account added meanwhile is not growth. */
    change7d: z.number().int().nullable(),
    change30d: z.number().int().nullable(),
    daily: z.array(z.object({ date: z.iso.date(), followers: z.number().int().nullable(), accounts: z.number().int(), approximate: z.boolean() })),
  }),
  gainers: z.array(moverSchema),
  losers: z.array(moverSchema),
  failingAccounts: z.array(
    z.object({ id: z.uuid(), platform: z.enum(PLATFORMS), handle: z.string(), lastErrorCode: z.string().nullable(), lastErrorAt: isoTime.nullable() }),
  ),
  posts: z.object({ all: z.number().int(), scraped: z.number().int(), failed: z.number().int() }),
  failingPosts: z.array(
    z.object({ id: z.uuid(), postId: z.string(), creator: z.string().nullable(), va: z.string().nullable(), lastErrorCode: z.string().nullable(), lastErrorAt: isoTime.nullable() }),
  ),
  pipelineToday: z.object({
    /** Posts added from a sheet today. */
    newPosts: z.number().int(),
    /** The views_gained_1d of posts scraped today (against their reading of 1–4 days before); null before any scrape today. */
    viewsGained: z.number().int().nullable(),
    /** Posts whose latest failure happened today. */
    failures: z.number().int(),
  }),
  topPosts: z.array(
    z.object({ id: z.uuid(), postId: z.string(), creator: z.string().nullable(), va: z.string().nullable(), views: z.number().int().nullable(), viewsGained7d: z.number().int() }),
  ),
  runs: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      status: z.string(),
      trigger: z.string(),
      createdAt: isoTime,
      finishedAt: isoTime.nullable(),
      progressDone: z.number().int(),
      progressTotal: z.number().int().nullable(),
    }),
  ),
});
export type Overview = z.infer<typeof overviewSchema>;
export const overviewResponseSchema = z.object({ data: overviewSchema });

type Raw = Record<string, unknown>;
const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const str = (value: unknown) => (value === null || value === undefined ? null : String(value));
const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);

/**
 * The morning page, read under the caller's RLS: followers across active accounts (from the
 * workspace_follower_days rollup), movers, failures, today's pipeline, the week's top posts and the
 * last runs. "Today" is the workspace's calendar day at `now`; an account is fresh while its latest
 * snapshot is at most STALE_AFTER_DAYS old, and only fresh accounts count towards growth.
 */
export async function getOverview(db: Db, { workspace, now }: { workspace: { id: string; timezone: string }; now: Date }): Promise<Overview> {
  const ws = workspace.id;
  const tz = workspace.timezone;
  const today = localDate(tz, now);
  const freshFrom = addDays(today, -STALE_AFTER_DAYS);
  const fresh = sql`a.latest_snapshot_date >= ${freshFrom}::date`;
  const first = addDays(today, 1 - FOLLOWER_CHART_DAYS);

  const [counts] = rowsOf<Raw>(
    await db.execute(sql`
      select count(*) filter (where a.active)::int as active, count(*)::int as all,
        count(*) filter (where a.active and a.latest_snapshot_date < ${freshFrom}::date)::int as stale,
        count(*) filter (where a.active and a.latest_snapshot_date is null)::int as never,
        count(*) filter (where a.active and a.health_status = 'failing')::int as failing,
        sum(a.followers_change_7d) filter (where a.active and ${fresh})::float8 as change_7d,
        sum(a.followers_change_30d) filter (where a.active and ${fresh})::float8 as change_30d
      from accounts a where a.workspace_id = ${ws}`),
  );
  const days = rowsOf<Raw>(
    await db.execute(sql`
      select to_char(date, 'YYYY-MM-DD') as date, followers::float8 as followers, accounts, approximate
      from workspace_follower_days where workspace_id = ${ws} and date between ${first}::date and ${today}::date order by date`),
  );
  const movers = (side: "gainers" | "losers") => sql`
    (select ${side} as side, row_number() over (order by a.followers_change_7d ${side === "gainers" ? sql`desc` : sql`asc`}, a.handle) as rank,
      a.id, a.platform, a.handle, a.display_name, a.latest_followers::float8 as followers,
      coalesce(a.latest_approximate, false) as approximate, a.followers_change_7d::float8 as change_7d
    from accounts a
    where a.workspace_id = ${ws} and a.active and ${fresh}
      and a.followers_change_7d ${side === "gainers" ? sql`> 0` : sql`< 0`}
    order by a.followers_change_7d ${side === "gainers" ? sql`desc` : sql`asc`}, a.handle
    limit ${LIST})`;
  const moved = rowsOf<Raw>(await db.execute(sql`select * from (${movers("gainers")} union all ${movers("losers")}) m order by side, rank`));
  const gainers = moved.filter((row) => row.side === "gainers");
  const losers = moved.filter((row) => row.side === "losers");
  const failingAccounts = rowsOf<Raw>(
    await db.execute(sql`
      select a.id, a.platform, a.handle, a.last_error_code, ${iso("a.last_error_at")} as last_error_at
      from accounts a where a.workspace_id = ${ws} and a.active and a.health_status = 'failing'
      order by a.last_error_at desc nulls last, a.handle limit ${LIST}`),
  );
  // Counts by status and the day's gain from the tiktok_post_counts rollup (migration 20261205100030);
  // today's additions and failures by range on their own indexes.
  const todayStarts = sql`(${today}::date)::timestamp at time zone ${tz}`;
  const todayEnds = sql`(${today}::date + 1)::timestamp at time zone ${tz}`;
  const [postCounts] = rowsOf<Raw>(
    await db.execute(sql`
      select coalesce(sum(c.posts), 0)::int as all, coalesce(sum(c.posts) filter (where c.status = 'scraped'), 0)::int as scraped,
        coalesce(sum(c.posts) filter (where c.status = 'failed'), 0)::int as failed,
        coalesce(sum(c.posts) filter (where c.stats_date = ${today}::date), 0)::int as readings,
        sum(c.gained_1d) filter (where c.stats_date = ${today}::date)::float8 as gained,
        (select count(*) from tiktok_posts where workspace_id = ${ws} and created_at >= ${todayStarts} and created_at < ${todayEnds})::int as new_today,
        (select count(*) from tiktok_posts where workspace_id = ${ws} and last_error_at >= ${todayStarts} and last_error_at < ${todayEnds})::int as failed_today
      from tiktok_post_counts c where c.workspace_id = ${ws}`),
  );
  // Ordered by the column, not the formatted text of the same name, so tiktok_posts_failed_idx serves it.
  const failingPosts = rowsOf<Raw>(
    await db.execute(sql`
      select p.id, p.post_id, p.creator, p.va, p.last_error_code, ${iso("p.last_error_at")} as last_error_at
      from tiktok_posts p where p.workspace_id = ${ws} and p.status = 'failed'
      order by p.last_error_at desc nulls last, p.id limit ${LIST}`),
  );
  const topPosts = rowsOf<Raw>(
    await db.execute(sql`
      select id, post_id, creator, va, views::float8 as views, views_gained_7d::float8 as gained
      from tiktok_posts
      where workspace_id = ${ws} and stats_date >= ${today}::date - 1 and views_gained_7d > 0
      order by views_gained_7d desc nulls last, id limit ${LIST}`),
  );
  const runs = rowsOf<Raw>(
    await db.execute(sql`
      select id, kind, status::text as status, trigger::text as trigger, ${iso("created_at")} as created_at,
        ${iso("finished_at")} as finished_at, progress_done, progress_total
      from job_runs where workspace_id = ${ws} order by created_at desc, id limit ${LIST}`),
  );

  const byDate = new Map(days.map((row) => [String(row.date), row]));
  const daily = calendarDays(first, today).map((date) => {
    const row = byDate.get(date);
    return { date, followers: num(row?.followers), accounts: Number(row?.accounts ?? 0), approximate: row?.approximate === true };
  });
  const latest = [...daily].reverse().find((point) => point.followers !== null);
  const mover = (row: Raw) => ({
    id: String(row.id),
    platform: row.platform as Overview["gainers"][number]["platform"],
    handle: String(row.handle),
    displayName: str(row.display_name),
    followers: num(row.followers),
    approximate: row.approximate === true,
    change7d: Number(row.change_7d),
  });
  return {
    today,
    accounts: {
      active: Number(counts?.active ?? 0),
      all: Number(counts?.all ?? 0),
      stale: Number(counts?.stale ?? 0),
      neverScraped: Number(counts?.never ?? 0),
      failing: Number(counts?.failing ?? 0),
    },
    followers: {
      asOf: latest?.date ?? null,
      total: latest?.followers ?? null,
      accounts: latest?.accounts ?? 0,
      approximate: latest?.approximate ?? false,
      change7d: num(counts?.change_7d),
      change30d: num(counts?.change_30d),
      daily,
    },
    gainers: gainers.map(mover),
    losers: losers.map(mover),
    failingAccounts: failingAccounts.map((row) => ({
      id: String(row.id),
      platform: row.platform as Overview["failingAccounts"][number]["platform"],
      handle: String(row.handle),
      lastErrorCode: str(row.last_error_code),
      lastErrorAt: str(row.last_error_at),
    })),
    posts: { all: Number(postCounts?.all ?? 0), scraped: Number(postCounts?.scraped ?? 0), failed: Number(postCounts?.failed ?? 0) },
    failingPosts: failingPosts.map((row) => ({
      id: String(row.id),
      postId: String(row.post_id),
      creator: str(row.creator),
      va: str(row.va),
      lastErrorCode: str(row.last_error_code),
      lastErrorAt: str(row.last_error_at),
    })),
    pipelineToday: {
      newPosts: Number(postCounts?.new_today ?? 0),
      viewsGained: Number(postCounts?.readings ?? 0) > 0 ? (num(postCounts?.gained) ?? 0) : null,
      failures: Number(postCounts?.failed_today ?? 0),
    },
    topPosts: topPosts.map((row) => ({ id: String(row.id), postId: String(row.post_id), creator: str(row.creator), va: str(row.va), views: num(row.views), viewsGained7d: Number(row.gained) })),
    runs: runs.map((row) => ({
      id: String(row.id),
      kind: String(row.kind),
      status: String(row.status),
      trigger: String(row.trigger),
      createdAt: String(row.created_at),
      finishedAt: str(row.finished_at),
      progressDone: Number(row.progress_done),
      progressTotal: num(row.progress_total),
    })),
  };
}
