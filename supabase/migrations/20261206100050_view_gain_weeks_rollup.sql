-- A leaderboard's sparklines by set over 90 days read 27,000 daily gain rows and built a json pair
-- of each. tiktok_group_view_gain_weeks holds a group's week of daily gains in one row (Monday to
-- Sunday, 0 on a day without readings): a period reads its whole weeks there and only the days at
-- its ends from tiktok_group_view_gains. Statement-level triggers on the day rows recompute the
-- weeks a statement touched from their (at most seven) day rows, by key on the group index.
revoke insert, update, delete on public.tiktok_group_view_gain_weeks from authenticated;
--> statement-breakpoint
-- Every writer of tiktok_group_view_gains already holds the view-gains workspace lock; taking it
-- again costs nothing and keeps the recompute reading what another writer committed.
create or replace function private.refresh_view_gain_weeks(workspace_ids uuid[], weeks date[], dimensions text[], keys text[])
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
    select t.workspace_id, t.week, t.dimension, t.key, d.date, d.gained
    from touched t
    cross join lateral (
      select g.date, g.gained from public.tiktok_group_view_gains g
      where g.workspace_id = t.workspace_id and g.dimension = t.dimension and g.key = t.key and g.date between t.week and t.week + 6
      union all
      select g.date, g.gained from public.tiktok_group_view_gains g
      where t.key is null and g.workspace_id = t.workspace_id and g.dimension = t.dimension and g.key is null and g.date between t.week and t.week + 6
    ) d
  ),
  summed as (
    select x.workspace_id, x.week, x.dimension, x.key, sum(x.gained)::bigint as gained,
      array[
        coalesce(sum(x.gained) filter (where x.date = x.week), 0), coalesce(sum(x.gained) filter (where x.date = x.week + 1), 0),
        coalesce(sum(x.gained) filter (where x.date = x.week + 2), 0), coalesce(sum(x.gained) filter (where x.date = x.week + 3), 0),
        coalesce(sum(x.gained) filter (where x.date = x.week + 4), 0), coalesce(sum(x.gained) filter (where x.date = x.week + 5), 0),
        coalesce(sum(x.gained) filter (where x.date = x.week + 6), 0)
      ]::bigint[] as daily
    from days x
    group by 1, 2, 3, 4
  ),
  removed as (
    delete from public.tiktok_group_view_gain_weeks g using touched t
    where g.workspace_id = t.workspace_id and g.week = t.week and g.dimension = t.dimension and g.key is not distinct from t.key
      and not exists (select 1 from summed s where s.workspace_id = g.workspace_id and s.dimension = g.dimension and s.week = g.week and s.key is not distinct from g.key)
  )
  insert into public.tiktok_group_view_gain_weeks as g (workspace_id, dimension, key, week, gained, daily)
  select s.workspace_id, s.dimension, s.key, s.week, s.gained, s.daily from summed s
  on conflict (workspace_id, dimension, week, key) do update set gained = excluded.gained, daily = excluded.daily;
end
$$;
--> statement-breakpoint
create or replace function private.view_gains_weeks()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.refresh_view_gain_weeks(array_agg(n.workspace_id), array_agg(private.week_of(n.date)), array_agg(n.dimension), array_agg(n.key))
    from changed_new n having count(*) > 0;
  elsif tg_op = 'UPDATE' then
    perform private.refresh_view_gain_weeks(array_agg(t.workspace_id), array_agg(private.week_of(t.date)), array_agg(t.dimension), array_agg(t.key))
    from (select workspace_id, date, dimension, key from changed_old union all select workspace_id, date, dimension, key from changed_new) t
    having count(*) > 0;
  else
    perform private.refresh_view_gain_weeks(array_agg(o.workspace_id), array_agg(private.week_of(o.date)), array_agg(o.dimension), array_agg(o.key))
    from changed_old o having count(*) > 0;
  end if;
  return null;
end
$$;
--> statement-breakpoint
revoke all on function private.refresh_view_gain_weeks(uuid[], date[], text[], text[]), private.view_gains_weeks() from public, anon, authenticated;
--> statement-breakpoint
create trigger tiktok_group_view_gains_weeks_insert after insert on public.tiktok_group_view_gains
  referencing new table as changed_new for each statement execute function private.view_gains_weeks();
--> statement-breakpoint
create trigger tiktok_group_view_gains_weeks_update after update on public.tiktok_group_view_gains
  referencing old table as changed_old new table as changed_new for each statement execute function private.view_gains_weeks();
--> statement-breakpoint
create trigger tiktok_group_view_gains_weeks_delete after delete on public.tiktok_group_view_gains
  referencing old table as changed_old for each statement execute function private.view_gains_weeks();
--> statement-breakpoint
select private.refresh_view_gain_weeks(array_agg(workspace_id), array_agg(private.week_of(date)), array_agg(dimension), array_agg(key))
from public.tiktok_group_view_gains;
