-- A leaderboard by set over 90 days read 25,000 posted-day rows (300 sets post about three times a
-- day each) and concatenated their views values per group. tiktok_group_posted_weeks holds the same
-- sums per week (Monday to Sunday) for the leaderboards' groups (va, creator, set); a period reads
-- its whole weeks there and only the days at its ends from tiktok_group_posted_days. Statement-level
-- triggers on the day rows recompute the weeks a statement touched from their (at most seven) day
-- rows, so both levels always agree. Not the trends' type and slides: their weeks hold ~2,900
-- values each, and re-sorting them cost 5 ms of every post's views update.
revoke insert, update, delete on public.tiktok_group_posted_weeks from authenticated;
--> statement-breakpoint
-- The Monday of a day's week.
create or replace function private.week_of(day date)
returns date
language sql
immutable
as $$
  select day - (extract(isodow from day)::int - 1)
$$;
--> statement-breakpoint
-- The weeks' day rows are read by key (null keys apart, so the index serves both). A week's views
-- values are its days' sorted lists sorted together: ~2,900 values for a type's week.
create or replace function private.refresh_posted_weeks(workspace_ids uuid[], weeks date[], dimensions text[], keys text[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform pg_advisory_xact_lock(7240114, hashtext(w.id::text))
  from (select distinct t.id from unnest(workspace_ids) as t(id) order by 1) w;
  with touched as (
    select distinct t.workspace_id, t.week, t.dimension, t.key
    from unnest(workspace_ids, weeks, dimensions, keys) as t(workspace_id, week, dimension, key)
    join public.workspaces w on w.id = t.workspace_id
  ),
  days as (
    select t.workspace_id, t.week, t.dimension, t.key, d.*
    from touched t
    cross join lateral (
      select d.posts, d.slideshows, d.videos, d.views, d.view_list, d.engagement_sum, d.engagement_posts, d.top_id, d.top_views
      from public.tiktok_group_posted_days d
      where d.workspace_id = t.workspace_id and d.dimension = t.dimension and d.key = t.key and d.date between t.week and t.week + 6
      union all
      select d.posts, d.slideshows, d.videos, d.views, d.view_list, d.engagement_sum, d.engagement_posts, d.top_id, d.top_views
      from public.tiktok_group_posted_days d
      where t.key is null and d.workspace_id = t.workspace_id and d.dimension = t.dimension and d.key is null and d.date between t.week and t.week + 6
    ) d
  ),
  summed as (
    select x.workspace_id, x.week, x.dimension, x.key, sum(x.posts)::int as posts, sum(x.slideshows)::int as slideshows, sum(x.videos)::int as videos,
      sum(x.views)::bigint as views, private.array_cat_agg(x.view_list) as view_list, sum(x.engagement_sum)::float8 as engagement_sum,
      sum(x.engagement_posts)::int as engagement_posts,
      (array_agg(x.top_id order by x.top_views desc nulls last, x.top_id))[1] as top_id, max(x.top_views) as top_views
    from days x
    group by 1, 2, 3, 4
  ),
  removed as (
    delete from public.tiktok_group_posted_weeks g using touched t
    where g.workspace_id = t.workspace_id and g.week = t.week and g.dimension = t.dimension and g.key is not distinct from t.key
      and not exists (
        select 1 from summed s where s.workspace_id = g.workspace_id and s.dimension = g.dimension and s.week = g.week and s.key is not distinct from g.key
      )
  )
  insert into public.tiktok_group_posted_weeks as g
    (workspace_id, dimension, key, week, posts, slideshows, videos, views, view_list, engagement_sum, engagement_posts, top_id, top_views)
  select s.workspace_id, s.dimension, s.key, s.week, s.posts, s.slideshows, s.videos, s.views,
    array(select v from unnest(s.view_list) as v order by v), s.engagement_sum, s.engagement_posts, s.top_id, s.top_views
  from summed s
  on conflict (workspace_id, dimension, week, key) do update
    set posts = excluded.posts, slideshows = excluded.slideshows, videos = excluded.videos, views = excluded.views,
      view_list = excluded.view_list, engagement_sum = excluded.engagement_sum, engagement_posts = excluded.engagement_posts,
      top_id = excluded.top_id, top_views = excluded.top_views;
end
$$;
--> statement-breakpoint
-- The weeks of the day rows a statement wrote or removed. A workspace being deleted takes its rows
-- along: the recompute's join finds no workspace, nothing to do.
create or replace function private.posted_days_weeks()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.refresh_posted_weeks(array_agg(n.workspace_id), array_agg(private.week_of(n.date)), array_agg(n.dimension), array_agg(n.key))
    from changed_new n where n.dimension in ('va', 'creator', 'set') having count(*) > 0;
  elsif tg_op = 'UPDATE' then
    perform private.refresh_posted_weeks(array_agg(t.workspace_id), array_agg(private.week_of(t.date)), array_agg(t.dimension), array_agg(t.key))
    from (select workspace_id, date, dimension, key from changed_old union all select workspace_id, date, dimension, key from changed_new) t
    where t.dimension in ('va', 'creator', 'set')
    having count(*) > 0;
  else
    perform private.refresh_posted_weeks(array_agg(o.workspace_id), array_agg(private.week_of(o.date)), array_agg(o.dimension), array_agg(o.key))
    from changed_old o where o.dimension in ('va', 'creator', 'set') having count(*) > 0;
  end if;
  return null;
end
$$;
--> statement-breakpoint
revoke all on function private.week_of(date), private.refresh_posted_weeks(uuid[], date[], text[], text[]), private.posted_days_weeks() from public, anon, authenticated;
--> statement-breakpoint
create trigger tiktok_group_posted_days_weeks_insert after insert on public.tiktok_group_posted_days
  referencing new table as changed_new for each statement execute function private.posted_days_weeks();
--> statement-breakpoint
create trigger tiktok_group_posted_days_weeks_update after update on public.tiktok_group_posted_days
  referencing old table as changed_old new table as changed_new for each statement execute function private.posted_days_weeks();
--> statement-breakpoint
create trigger tiktok_group_posted_days_weeks_delete after delete on public.tiktok_group_posted_days
  referencing old table as changed_old for each statement execute function private.posted_days_weeks();
--> statement-breakpoint
select private.refresh_posted_weeks(array_agg(workspace_id), array_agg(private.week_of(date)), array_agg(dimension), array_agg(key))
from public.tiktok_group_posted_days where dimension in ('va', 'creator', 'set');
