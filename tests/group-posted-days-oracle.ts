/**
 * The oracle for the tiktok_group_posted_days rollup (migration 20261205100010): the same figures
 * summed straight from a workspace's tiktok_posts, as the services read them before the rollup.
 * Columns: dimension, key, date, posts, slideshows, videos, views, view_list, engagement_sum
 * (rounded to 9 places, as sums in another order differ in the last bits), engagement_posts, top_id, top_views.
 */
export const GROUP_POSTED_DAYS_ORACLE = `
  select k.dimension, k.key, (p.posted_at at time zone w.timezone)::date::text as date, count(*)::int as posts,
    count(*) filter (where p.is_slideshow)::int as slideshows, count(*) filter (where not p.is_slideshow)::int as videos,
    coalesce(sum(p.views), 0)::float8 as views,
    coalesce(array_agg(p.views order by p.views) filter (where p.views is not null), '{}')::text as view_list,
    round(coalesce(sum(p.engagement_rate), 0)::numeric, 9)::float8 as engagement_sum, count(p.engagement_rate)::int as engagement_posts,
    (array_agg(p.id order by p.views desc nulls last, p.id))[1] as top_id, max(p.views)::float8 as top_views
  from tiktok_posts p
  join workspaces w on w.id = p.workspace_id
  cross join lateral (
    values ('va', p.va, true), ('creator', p.creator, true), ('set', p.set_id, true), ('type', p.is_slideshow::text, true),
      ('slides', case when p.slide_count <= 3 then '1–3' when p.slide_count <= 6 then '4–6' else '7+' end, coalesce(p.is_slideshow and p.slide_count >= 1, false))
  ) as k(dimension, key, counted)
  where p.workspace_id = $1 and p.posted_at is not null and k.counted
  group by 1, 2, 3
  order by 1, 2, 3`;

/** The rollup's rows in the oracle's shape. */
export const GROUP_POSTED_DAYS_STORED = `
  select dimension, key, date::text as date, posts, slideshows, videos, views::float8 as views, view_list::text as view_list,
    round(engagement_sum::numeric, 9)::float8 as engagement_sum, engagement_posts, top_id, top_views::float8 as top_views
  from tiktok_group_posted_days where workspace_id = $1
  order by 1, 2, 3`;

/** The oracle for tiktok_group_posted_weeks (migration 20261206100020): the same figures per week (its Monday) of the posted day, for va, creator and set. */
export const GROUP_POSTED_WEEKS_ORACLE = `
  with posted as (select p.*, (p.posted_at at time zone w.timezone)::date as day from tiktok_posts p join workspaces w on w.id = p.workspace_id
    where p.workspace_id = $1 and p.posted_at is not null)
  select k.dimension, k.key, (p.day - (extract(isodow from p.day)::int - 1))::text as week, count(*)::int as posts,
    count(*) filter (where p.is_slideshow)::int as slideshows, count(*) filter (where not p.is_slideshow)::int as videos,
    coalesce(sum(p.views), 0)::float8 as views,
    coalesce(array_agg(p.views order by p.views) filter (where p.views is not null), '{}')::text as view_list,
    round(coalesce(sum(p.engagement_rate), 0)::numeric, 9)::float8 as engagement_sum, count(p.engagement_rate)::int as engagement_posts,
    (array_agg(p.id order by p.views desc nulls last, p.id))[1] as top_id, max(p.views)::float8 as top_views
  from posted p
  cross join lateral (
    values ('va', p.va), ('creator', p.creator), ('set', p.set_id)
  ) as k(dimension, key)
  group by 1, 2, 3
  order by 1, 2, 3`;

/** The week rows in the oracle's shape. */
export const GROUP_POSTED_WEEKS_STORED = `
  select dimension, key, week::text as week, posts, slideshows, videos, views::float8 as views, view_list::text as view_list,
    round(engagement_sum::numeric, 9)::float8 as engagement_sum, engagement_posts, top_id, top_views::float8 as top_views
  from tiktok_group_posted_weeks where workspace_id = $1
  order by 1, 2, 3`;
