import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { calendarDays, daysBetween, splitWeeks } from "@/lib/domain/calendar";
import { LEADERBOARD_GROUPS } from "@/lib/domain/leaderboards";
import { AppError } from "@/lib/errors";
import { periodMedian, storedMedianJoin } from "./period-median";
import { periodViewGains } from "./period-view-gains";

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

interface Row {
  key: string | null;
  posts: string | number | null;
  slideshows: string | number | null;
  videos: string | number | null;
  views: string | number | null;
  median_views: string | number | null;
  engagement_rate: string | number | null;
  views_gained: string | number | null;
  daily_offsets: number[] | null;
  daily_lengths: number[] | null;
  daily_gains: (string | number)[] | null;
  top_id: string | null;
  top_post_id: string | null;
  top_views: string | number | null;
  top_thumbnail: boolean | null;
}

const num = (value: string | number | null) => (value === null ? null : Number(value));

/**
 * The leaderboard by VA, creator or set over [from, to] (calendar days in the workspace's timezone),
 * read under RLS. Posted in the period: posts, slideshows and videos (by the scraped type), the sum
 * and median of their latest views and their mean engagement rate. Gained in the period: the sum of
 * daily view gains of all the group's posts on days within it, and those gains per day.
 */
export async function rankPostGroups(db: Db, { workspace, query }: { workspace: { id: string; timezone: string }; query: LeaderboardQuery }): Promise<LeaderboardRow[]> {
  const days = daysBetween(query.from, query.to) + 1;
  if (days < 1) throw new AppError("invalid_input", "The period ends before it starts.");
  if (days > MAX_PERIOD_DAYS) throw new AppError("invalid_input", `A period covers at most ${MAX_PERIOD_DAYS} days.`);
  // "Posted in the period" from the posted-days rollups: the period's whole weeks from
  // tiktok_group_posted_weeks (migration 20261206100020), the days before and after them from
  // tiktok_group_posted_days. The exact median is the one stored for a preset period
  // (fillPeriodMedians), else each group's views values gathered and sorted once.
  const weeks = splitWeeks(query.from, query.to);
  const rows = rowsOf<Row>(
    await db.execute(sql`
      with posted as (
        select d.key, d.posts, d.slideshows, d.videos, d.views, d.engagement_sum, d.engagement_posts, d.top_id, d.top_views, d.view_list
        from tiktok_group_posted_days d
        where d.workspace_id = ${workspace.id} and d.dimension = ${query.by}
          and (d.date between ${query.from}::date and ${weeks.headTo}::date or d.date between ${weeks.tailFrom}::date and ${query.to}::date)
        union all
        select w.key, w.posts, w.slideshows, w.videos, w.views, w.engagement_sum, w.engagement_posts, w.top_id, w.top_views, w.view_list
        from tiktok_group_posted_weeks w
        where w.workspace_id = ${workspace.id} and w.dimension = ${query.by} and w.week between ${weeks.firstWeek}::date and ${weeks.lastWeek}::date
      ),
      posted_groups as (
        select d.key, sum(d.posts) as posts, sum(d.slideshows) as slideshows, sum(d.videos) as videos, sum(d.views) as views,
          sum(d.engagement_sum) / nullif(sum(d.engagement_posts), 0) as engagement_rate,
          (array_agg(d.top_id order by d.top_views desc nulls last, d.top_id))[1] as top_id, max(d.top_views) as top_views,
          private.array_cat_agg(d.view_list) as view_list
        from posted d
        group by d.key
      ),
      -- Gained in the period, the same way (periodViewGains).
      gains as (${periodViewGains({ workspaceId: workspace.id, dimensions: [query.by], from: query.from, to: query.to })}),
      -- Each row's first day as an offset from the period's start, its number of days, and its gains
      -- from that day on, in one order: three arrays per group cost less than a json pair per row.
      gain_groups as (
        select d.key, sum(d.gained) as views_gained, array_agg(d.starts - ${query.from}::date) as daily_offsets,
          array_agg(cardinality(d.daily)) as daily_lengths, private.array_cat_agg(d.daily) as daily_gains
        from gains d
        group by d.key
      )
      -- Keys compare wrapped in arrays, where nulls are equal: "(none)" meets "(none)" in a hash join.
      select coalesce(pg.key, gg.key) as key, pg.posts, pg.slideshows, pg.videos, pg.views,
        ${periodMedian(sql`pg.view_list`)} as median_views, pg.engagement_rate,
        gg.views_gained, gg.daily_offsets, gg.daily_lengths, gg.daily_gains, pg.top_id, p.post_id as top_post_id, pg.top_views,
        exists (select 1 from tiktok_slides s where s.post_id = pg.top_id and s.slide_index = 0 and s.storage_path is not null offset 0) as top_thumbnail
      from posted_groups pg
      left join tiktok_posts p on p.id = pg.top_id
      ${storedMedianJoin({ workspaceId: workspace.id, dimension: sql`${query.by}`, key: sql`pg.key`, from: query.from, to: query.to })}
      full join gain_groups gg on array[gg.key] = array[pg.key]
      order by gg.views_gained desc nulls last, pg.views desc nulls last, 1`),
  );
  const dates = calendarDays(query.from, query.to);
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
    daily: fillDays(dates, row),
  }));
}

/** Every day of the period, a day without a gain as 0 (a sparkline of gains, not of readings). */
function fillDays(dates: string[], row: Pick<Row, "daily_offsets" | "daily_lengths" | "daily_gains">) {
  const gained = new Array<number>(dates.length).fill(0);
  const offsets = row.daily_offsets ?? [];
  const lengths = row.daily_lengths ?? [];
  const gains = row.daily_gains ?? [];
  let next = 0;
  offsets.forEach((offset, index) => {
    const length = lengths[index] ?? 0;
    for (let day = 0; day < length; day++) {
      const at = Number(offset) + day;
      if (at >= 0 && at < gained.length) gained[at] = Number(gains[next + day]);
    }
    next += length;
  });
  return dates.map((date, index) => ({ date, gained: gained[index] ?? 0 }));
}
