import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { LEADERBOARD_GROUPS, type LeaderboardGroup } from "@/lib/domain/leaderboards";
import { AppError } from "@/lib/errors";

const day = z.iso.date();

export const leaderboardQuerySchema = z.object({ by: z.enum(LEADERBOARD_GROUPS).default("va"), from: day, to: day });
export type LeaderboardQuery = z.infer<typeof leaderboardQuerySchema>;

/** The longest period one request may cover, so a request cannot ask for years of daily stats. */
export const MAX_PERIOD_DAYS = 366;

export const leaderboardRowSchema = z.object({
  key: z.string().nullable(),
  posts: z.number().int(),
  slideshows: z.number().int(),
  videos: z.number().int(),
  views: z.number().int(),
  medianViews: z.number().nullable(),
  viewsGained: z.number().int(),
  engagementRate: z.number().nullable(),
  topPost: z.object({ id: z.uuid(), postId: z.string(), views: z.number().int().nullable(), hasThumbnail: z.boolean() }).nullable(),
  daily: z.array(z.object({ date: z.iso.date(), gained: z.number().int() })),
});
export type LeaderboardRow = z.infer<typeof leaderboardRowSchema>;

const COLUMNS: Record<LeaderboardGroup, string> = { va: "va", creator: "creator", set: "set_id" };

interface Row {
  key: string | null;
  posts: string | number | null;
  slideshows: string | number | null;
  videos: string | number | null;
  views: string | number | null;
  median_views: string | number | null;
  engagement_rate: string | number | null;
  views_gained: string | number | null;
  daily: { date: string; gained: string | number }[] | null;
  top_id: string | null;
  top_post_id: string | null;
  top_views: string | number | null;
  top_thumbnail: boolean | null;
}

const num = (value: string | number | null) => (value === null ? null : Number(value));

function periodDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * The leaderboard by VA, creator or set over [from, to] (calendar days in the workspace's timezone),
 * read under RLS. Posted in the period: posts, slideshows and videos (by the scraped type), the sum
 * and median of their latest views and their mean engagement rate. Gained in the period: the sum of
 * daily view gains of all the group's posts on days within it, and those gains per day.
 */
export async function rankPostGroups(db: Db, { workspace, query }: { workspace: { id: string; timezone: string }; query: LeaderboardQuery }): Promise<LeaderboardRow[]> {
  const days = periodDays(query.from, query.to);
  if (days < 1) throw new AppError("invalid_input", "The period ends before it starts.");
  if (days > MAX_PERIOD_DAYS) throw new AppError("invalid_input", `A period covers at most ${MAX_PERIOD_DAYS} days.`);
  const column = sql.raw(COLUMNS[query.by]);
  const rows = rowsOf<Row>(
    await db.execute(sql`
      with posted as (
        select p.id, p.post_id, p.${column} as key, p.is_slideshow, p.views, p.engagement_rate
        from tiktok_posts p
        where p.workspace_id = ${workspace.id}
          and p.posted_at >= (${query.from}::date)::timestamp at time zone ${workspace.timezone}
          and p.posted_at < (${query.to}::date + 1)::timestamp at time zone ${workspace.timezone}
      ),
      posted_groups as (
        select key, count(*) as posts, count(*) filter (where is_slideshow) as slideshows, count(*) filter (where not is_slideshow) as videos,
          coalesce(sum(views), 0) as views, percentile_cont(0.5) within group (order by views) as median_views, avg(engagement_rate) as engagement_rate
        from posted group by key
      ),
      gain_groups as (
        select g.key, sum(g.gained) as views_gained,
          jsonb_agg(jsonb_build_object('date', g.date::text, 'gained', g.gained) order by g.date) as daily
        from tiktok_group_view_gains g
        where g.workspace_id = ${workspace.id} and g.dimension = ${query.by} and g.date between ${query.from}::date and ${query.to}::date
        group by g.key
      ),
      top as (
        select distinct on (key) key, id, post_id, views from posted order by key, views desc nulls last, id
      )
      -- Keys compare wrapped in arrays, where nulls are equal: "(none)" meets "(none)" in a hash join.
      select coalesce(pg.key, gg.key) as key, pg.posts, pg.slideshows, pg.videos, pg.views, pg.median_views, pg.engagement_rate,
        gg.views_gained, gg.daily, t.id as top_id, t.post_id as top_post_id, t.views as top_views,
        exists (select 1 from tiktok_slides s where s.post_id = t.id and s.slide_index = 0 and s.storage_path is not null offset 0) as top_thumbnail
      from posted_groups pg
      full join gain_groups gg on array[gg.key] = array[pg.key]
      left join top t on array[t.key] = array[pg.key]
      order by gg.views_gained desc nulls last, pg.views desc nulls last, 1`),
  );
  return rows.map((row) => ({
    key: row.key,
    posts: num(row.posts) ?? 0,
    slideshows: num(row.slideshows) ?? 0,
    videos: num(row.videos) ?? 0,
    views: num(row.views) ?? 0,
    medianViews: num(row.median_views),
    viewsGained: num(row.views_gained) ?? 0,
    engagementRate: num(row.engagement_rate),
    topPost: row.top_id && row.top_post_id ? { id: row.top_id, postId: row.top_post_id, views: num(row.top_views), hasThumbnail: row.top_thumbnail === true } : null,
    daily: fillDays(query.from, days, row.daily ?? []),
  }));
}

/** Every day of the period, a day without a gain as 0 (a sparkline of gains, not of readings). */
function fillDays(from: string, days: number, daily: { date: string; gained: string | number }[]) {
  const byDate = new Map(daily.map((point) => [point.date, Number(point.gained)]));
  return Array.from({ length: days }, (_, n) => {
    const date = new Date(Date.parse(`${from}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    return { date, gained: byDate.get(date) ?? 0 };
  });
}
