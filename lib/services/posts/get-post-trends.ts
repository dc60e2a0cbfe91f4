import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { calendarDays } from "@/lib/domain/calendar";
import { LEADERBOARD_GROUPS } from "@/lib/domain/leaderboards";
import { SLIDE_COUNT_BUCKETS, TREND_SERIES_LIMIT } from "@/lib/domain/trends";
import { AppError } from "@/lib/errors";
import { periodMedian, storedMedianJoin } from "./period-median";
import { periodViewGains } from "./period-view-gains";
import { MAX_PERIOD_DAYS } from "./rank-post-groups";

const day = z.iso.date();
export const trendsQuerySchema = z.object({ by: z.enum(LEADERBOARD_GROUPS).default("va"), from: day, to: day });
export type TrendsQuery = z.infer<typeof trendsQuerySchema>;

const typeSummary = z.object({ posts: z.number().int(), views: z.number().int(), medianViews: z.number().nullable(), viewsGained: z.number().int() });
export const postTrendsSchema = z.object({
  days: z.array(day),
  /** The largest groups by views gained, then "Other" (key null is "(none)"); values per day, null on a day no post was scraped. */
  gained: z.array(z.object({ key: z.string().nullable(), other: z.boolean(), total: z.number().int(), daily: z.array(z.number().int().nullable()) })),
  /** Posts posted per day, by the scraped type; `unknown` are posts not scraped yet. */
  published: z.array(z.object({ date: day, slideshows: z.number().int(), videos: z.number().int(), unknown: z.number().int() })),
  slideshowVsVideo: z.object({ slideshow: typeSummary, video: typeSummary }),
  /** Slideshows posted in the period by slide count; the median over those that report views. */
  bySlideCount: z.array(z.object({ bucket: z.enum(SLIDE_COUNT_BUCKETS), posts: z.number().int(), medianViews: z.number().nullable() })),
});
export type PostTrends = z.infer<typeof postTrendsSchema>;
export const postTrendsResponseSchema = z.object({ data: postTrendsSchema });

type Raw = Record<string, unknown>;
const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/**
 * Trends over [from, to] (calendar days in the workspace's timezone), under RLS: views gained per
 * day stacked by VA, creator or set (a day's gain as the leaderboards count it), posts published per
 * day, slideshows against videos, and the median views of slideshows by slide count.
 */
export async function getPostTrends(db: Db, { workspace, query }: { workspace: { id: string; timezone: string }; query: TrendsQuery }): Promise<PostTrends> {
  const days = calendarDays(query.from, query.to);
  if (days.length < 1) throw new AppError("invalid_input", "The period ends before it starts.");
  if (days.length > MAX_PERIOD_DAYS) throw new AppError("invalid_input", `A period covers at most ${MAX_PERIOD_DAYS} days.`);
  const ws = workspace.id;

  // From the tiktok_group_view_gains rollup (migration 20261204100010), where a row is a day with readings.
  const inPeriod = sql`g.workspace_id = ${ws} and g.date between ${query.from}::date and ${query.to}::date`;
  // The period's totals per group, and per type (the same daily gains summed by the post's scraped
  // type), read as the leaderboards read them: whole weeks, and the days at the ends.
  const sums = rowsOf<Raw>(
    await db.execute(sql`
      select g.dimension, g.key, sum(g.gained)::float8 as total
      from (${periodViewGains({ workspaceId: ws, dimensions: [query.by, "type"], from: query.from, to: query.to })}) g
      group by 1, 2`),
  );
  const totals = sums.filter((row) => row.dimension === query.by).map((row) => ({ key: (row.key as string | null) ?? null, total: Number(row.total) }));
  const typeGains = sums.filter((row) => row.dimension === "type" && row.key !== null);
  totals.sort((a, b) => b.total - a.total || String(a.key ?? "").localeCompare(String(b.key ?? "")));
  const shown = totals.slice(0, TREND_SERIES_LIMIT);
  const rest = totals.slice(TREND_SERIES_LIMIT);
  // The shown groups' days, and every group's gain per day from the type rows (each post's gain is
  // summed under every dimension, so a day's type rows hold the day's total): "Other" is the total
  // less the shown, and the other groups' rows are never read.
  const shownKeys = JSON.stringify(shown.flatMap(({ key }) => (key === null ? [] : [key])));
  const lines = rowsOf<Raw>(
    await db.execute(sql`
      select true as shown, g.key, to_char(g.date, 'YYYY-MM-DD') as date, g.gained::float8 as gained
      from tiktok_group_view_gains g
      where ${inPeriod} and g.dimension = ${query.by}
        and (g.key = any (array(select jsonb_array_elements_text(${shownKeys}::jsonb))) or (g.key is null and ${shown.some(({ key }) => key === null)}::boolean))
      union all
      select false, null, to_char(g.date, 'YYYY-MM-DD'), sum(g.gained)::float8
      from tiktok_group_view_gains g where ${inPeriod} and g.dimension = 'type'
      group by g.date`),
  );
  // Published per day, slideshow against video, and slideshows by slide count: from the
  // tiktok_group_posted_days rollup (migration 20261205100010), by type and by slide-count bucket.
  const [posted] = rowsOf<Raw>(
    await db.execute(sql`
      with days as materialized (
        select g.dimension, g.key, g.date, g.posts, g.views, g.view_list from tiktok_group_posted_days g
        where g.workspace_id = ${ws} and g.dimension in ('type', 'slides') and g.date between ${query.from}::date and ${query.to}::date
      ),
      -- The exact median stored for a preset period (fillPeriodMedians), else each group's views
      -- values gathered and sorted once.
      totals as (
        select t.dimension, t.key, t.posts, t.views,
          ${periodMedian(sql`t.view_list`)} as median_views
        from (
          select d.dimension, d.key, sum(d.posts)::int as posts, sum(d.views)::float8 as views, private.array_cat_agg(d.view_list) as view_list
          from days d group by d.dimension, d.key
        ) t
        ${storedMedianJoin({ workspaceId: ws, dimension: sql`t.dimension`, key: sql`t.key`, from: query.from, to: query.to })}
      )
      select
        (select coalesce(jsonb_agg(x), '[]') from (
          select to_char(date, 'YYYY-MM-DD') as date, coalesce(sum(posts) filter (where key = 'true'), 0)::int as slideshows,
            coalesce(sum(posts) filter (where key = 'false'), 0)::int as videos, coalesce(sum(posts) filter (where key is null), 0)::int as unknown
          from days where dimension = 'type' group by date) x) as published,
        (select coalesce(jsonb_agg(x), '[]') from (
          select t.key = 'true' as is_slideshow, t.posts, t.views, t.median_views
          from totals t where t.dimension = 'type' and t.key is not null) x) as types,
        (select coalesce(jsonb_agg(x), '[]') from (
          select t.key as bucket, t.posts, t.median_views
          from totals t where t.dimension = 'slides') x) as slides`),
  );
  const published = (posted?.published ?? []) as Raw[];
  const types = (posted?.types ?? []) as Raw[];
  const slides = (posted?.slides ?? []) as Raw[];

  const totalsByDate = new Map(lines.filter((row) => row.shown === false).map((row) => [String(row.date), Number(row.gained)]));
  const shownLines = lines.filter((row) => row.shown === true);
  const seriesOf = (shownKey: string | null) =>
    new Map(shownLines.filter((row) => ((row.key as string | null) ?? null) === shownKey).map((row) => [String(row.date), Number(row.gained)]));
  const line = (series: Map<string, number>) => days.map((date) => (totalsByDate.has(date) ? (series.get(date) ?? 0) : null));
  const gained = shown.map(({ key, total }) => ({ key, other: false, total, daily: line(seriesOf(key)) }));
  if (rest.length > 0) {
    const other = new Map([...totalsByDate].map(([date, total]) => [date, total - shownLines.filter((row) => row.date === date).reduce((sum, row) => sum + Number(row.gained), 0)]));
    gained.push({ key: null, other: true, total: rest.reduce((sum, group) => sum + group.total, 0), daily: line(other) });
  }

  const publishedByDate = new Map(published.map((row) => [String(row.date), row]));
  const summary = (slideshow: boolean) => {
    const row = types.find((type) => type.is_slideshow === slideshow);
    const gain = typeGains.find((type) => type.key === String(slideshow));
    return { posts: Number(row?.posts ?? 0), views: Number(row?.views ?? 0), medianViews: num(row?.median_views), viewsGained: Number(gain?.total ?? 0) };
  };
  return {
    days,
    gained,
    published: days.map((date) => {
      const row = publishedByDate.get(date);
      return { date, slideshows: Number(row?.slideshows ?? 0), videos: Number(row?.videos ?? 0), unknown: Number(row?.unknown ?? 0) };
    }),
    slideshowVsVideo: { slideshow: summary(true), video: summary(false) },
    bySlideCount: SLIDE_COUNT_BUCKETS.map((bucket) => {
      const row = slides.find((candidate) => candidate.bucket === bucket);
      return { bucket, posts: Number(row?.posts ?? 0), medianViews: num(row?.median_views) };
    }),
  };
}
