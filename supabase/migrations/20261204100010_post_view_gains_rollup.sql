-- Leaderboards and trends sum each post's daily views gained over a period; computing the gains with a
-- window over tiktok_post_stats on each request read every stats row of the period. Here the gains are
-- kept on write: tiktok_post_view_gains per post and stats day, tiktok_group_view_gains summed per
-- workspace, day and group (va, creator, set, type). Statement-level triggers refresh only the days a
-- statement touched and the stats day after each (whose previous day may have changed).
revoke insert, update, delete on public.tiktok_post_view_gains, public.tiktok_group_view_gains from authenticated;
--> statement-breakpoint
-- The one rule for a day's gain: its views less the post's previous stats day's, if that is at most a
-- week before; a first stats day counts from zero only if the post was posted that day or the day
-- before (in the workspace's timezone); else null. Stats without views are not stats days.
-- Plain SQL, so the planner inlines it into the refresh and the backfill.
create or replace function private.view_gain(day date, views bigint, previous_day date, previous_views bigint, posted_day date)
returns bigint
language sql
immutable
as $$
  select case when previous_day >= day - 7 then views - previous_views
              when previous_day is null and posted_day >= day - 1 then views end
$$;
--> statement-breakpoint
-- The groups a post's gains are summed in; type's key is is_slideshow as text.
create or replace function private.view_gain_groups(va text, creator text, set_id text, is_slideshow boolean)
returns table (dimension text, key text)
language sql
immutable
as $$
  select * from (values ('va', va), ('creator', creator), ('set', set_id), ('type', is_slideshow::text)) as k(dimension, key)
$$;
--> statement-breakpoint
-- Adds signed gains and readings to the group sums, one row per (post's group, day); sums left with no
-- reading are removed.
create or replace function private.add_group_view_gains(
  workspace_ids uuid[], days date[], vas text[], creators text[], set_ids text[], slideshows boolean[], gains bigint[], readings int[]
)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.tiktok_group_view_gains as g (workspace_id, dimension, key, date, gained, readings)
  select t.workspace_id, k.dimension, k.key, t.day, sum(t.gained), sum(t.readings)
  from unnest(workspace_ids, days, vas, creators, set_ids, slideshows, gains, readings)
    as t(workspace_id, day, va, creator, set_id, is_slideshow, gained, readings)
  cross join lateral private.view_gain_groups(t.va, t.creator, t.set_id, t.is_slideshow) as k
  group by t.workspace_id, k.dimension, k.key, t.day
  having sum(t.gained) <> 0 or sum(t.readings) <> 0
  on conflict (workspace_id, dimension, date, key) do update
    set gained = g.gained + excluded.gained, readings = g.readings + excluded.readings;
  delete from public.tiktok_group_view_gains g
  using (select distinct t.workspace_id, t.day from unnest(workspace_ids, days) as t(workspace_id, day)) t
  where g.workspace_id = t.workspace_id and g.date = t.day and g.readings = 0
    and g.dimension = any (array['va', 'creator', 'set', 'type']);
$$;
--> statement-breakpoint
-- The group sums take differences, so two transactions refreshing one workspace at once must not both
-- start from the same old gains: each waits for the other's commit (in workspace order, no deadlock).
create or replace function private.lock_view_gains(post_ids uuid[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform pg_advisory_xact_lock(7240114, hashtext(w.workspace_id::text))
  from (
    select distinct p.workspace_id from unnest(post_ids) as t(id) join public.tiktok_posts p on p.id = t.id order by 1
  ) w;
end
$$;
--> statement-breakpoint
-- Recomputes the gains of the given post days and of each one's next stats day, finding the previous
-- stats day by index: the triggers' path, which touches a few days of many posts.
create or replace function private.refresh_post_view_gains(post_ids uuid[], days date[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  d record;
begin
  perform private.lock_view_gains(post_ids);
  with touched as (
    select distinct t.post_id, t.day from unnest(post_ids, days) as t(post_id, day)
  ),
  targets as (
    select post_id, day from touched
    union
    select t.post_id, n.date from touched t
    cross join lateral (
      select s.date from public.tiktok_post_stats s
      where s.post_id = t.post_id and s.date > t.day and s.views is not null order by s.date limit 1
    ) n
  ),
  computed as (
    select t.post_id, p.workspace_id, t.day as date,
      private.view_gain(t.day, s.views, prev.date, prev.views, (p.posted_at at time zone w.timezone)::date) as gained
    from targets t
    join public.tiktok_post_stats s on s.post_id = t.post_id and s.date = t.day and s.views is not null
    join public.tiktok_posts p on p.id = t.post_id
    join public.workspaces w on w.id = p.workspace_id
    left join lateral (
      select s2.date, s2.views from public.tiktok_post_stats s2
      where s2.post_id = t.post_id and s2.date < t.day and s2.views is not null order by s2.date desc limit 1
    ) prev on true
  ),
  old as (
    select g.post_id, g.date, g.gained from public.tiktok_post_view_gains g join targets t on g.post_id = t.post_id and g.date = t.day
  ),
  removed as (
    delete from public.tiktok_post_view_gains g using targets t
    where g.post_id = t.post_id and g.date = t.day
      and not exists (select 1 from computed c where c.post_id = t.post_id and c.date = t.day)
  ),
  written as (
    insert into public.tiktok_post_view_gains (post_id, workspace_id, date, gained)
    select post_id, workspace_id, date, gained from computed
    on conflict (post_id, date) do update set gained = excluded.gained
  ),
  deltas as (
    select post_id, date, coalesce(gained, 0) as gained, 1 as readings from computed
    union all
    select post_id, date, -coalesce(gained, 0), -1 from old
  )
  select array_agg(p.workspace_id) as workspace_ids, array_agg(x.date) as days, array_agg(p.va) as vas,
    array_agg(p.creator) as creators, array_agg(p.set_id) as set_ids, array_agg(p.is_slideshow) as slideshows,
    array_agg(x.gained) as gains, array_agg(x.readings) as readings
  into d
  from deltas x join public.tiktok_posts p on p.id = x.post_id;
  if d.workspace_ids is not null then
    perform private.add_group_view_gains(d.workspace_ids, d.days, d.vas, d.creators, d.set_ids, d.slideshows, d.gains, d.readings);
  end if;
end
$$;
--> statement-breakpoint
-- Stats of a deleted post are gone with its gains (tiktok_posts_view_gains_deleted ran first): only
-- posts that still exist need their days refreshed.
create or replace function private.tiktok_post_stats_view_gains()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.refresh_post_view_gains(array_agg(post_id), array_agg(date)) from changed_new;
  elsif tg_op = 'UPDATE' then
    perform private.refresh_post_view_gains(array_agg(post_id), array_agg(date))
    from (select post_id, date from changed_old union select post_id, date from changed_new) t;
  else
    perform private.refresh_post_view_gains(array_agg(o.post_id), array_agg(o.date))
    from changed_old o where exists (select 1 from public.tiktok_posts p where p.id = o.post_id);
  end if;
  return null;
end
$$;
--> statement-breakpoint
-- Adds (direction 1) or takes away (-1) all of one post's gains under the given groups.
create or replace function private.add_post_group_view_gains(
  post uuid, workspace uuid, va text, creator text, set_id text, is_slideshow boolean, direction int
)
returns void
language sql
security definer
set search_path = ''
as $$
  select private.add_group_view_gains(array_agg(workspace), array_agg(g.date), array_agg(va), array_agg(creator), array_agg(set_id),
    array_agg(is_slideshow), array_agg(direction * coalesce(g.gained, 0)), array_agg(direction))
  from public.tiktok_post_view_gains g where g.post_id = post
  having count(*) > 0;
$$;
--> statement-breakpoint
-- A post moved to another VA, creator or set, or scraped as another type, takes its gains along; a
-- changed posted date can change its first stats day's gain.
create or replace function private.tiktok_posts_view_gains_moved()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if (old.va, old.creator, old.set_id, old.is_slideshow) is distinct from (new.va, new.creator, new.set_id, new.is_slideshow) then
    perform private.lock_view_gains(array[new.id]);
    perform private.add_post_group_view_gains(old.id, old.workspace_id, old.va, old.creator, old.set_id, old.is_slideshow, -1);
    perform private.add_post_group_view_gains(new.id, new.workspace_id, new.va, new.creator, new.set_id, new.is_slideshow, 1);
  end if;
  if old.posted_at is distinct from new.posted_at then
    perform private.refresh_post_view_gains(array[new.id], array[min(s.date)])
    from public.tiktok_post_stats s where s.post_id = new.id and s.views is not null having count(*) > 0;
  end if;
  return null;
end
$$;
--> statement-breakpoint
-- Before the delete cascades to its stats: the post's gains leave the group sums. A workspace being
-- deleted takes its sums along, so there is nothing to subtract.
create or replace function private.tiktok_posts_view_gains_deleted()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if exists (select 1 from public.workspaces w where w.id = old.workspace_id) then
    perform private.lock_view_gains(array[old.id]);
    perform private.add_post_group_view_gains(old.id, old.workspace_id, old.va, old.creator, old.set_id, old.is_slideshow, -1);
  end if;
  delete from public.tiktok_post_view_gains g where g.post_id = old.id;
  return old;
end
$$;
--> statement-breakpoint
-- A first stats day's gain depends on the calendar day of posting, so a new timezone refreshes those.
create or replace function private.workspaces_view_gains_timezone()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.refresh_post_view_gains(array_agg(f.post_id), array_agg(f.date))
  from (
    select s.post_id, min(s.date) as date from public.tiktok_post_stats s
    where s.workspace_id = new.id and s.views is not null group by s.post_id
  ) f;
  return null;
end
$$;
--> statement-breakpoint
-- Rebuilds whole workspaces' rollups in one pass over their stats (a window, not an index probe per
-- day): the migration's backfill, and the benchmark's after it loads stats with the triggers off.
create or replace function private.backfill_view_gains(workspace_ids uuid[])
returns void
language sql
security definer
set search_path = ''
as $$
  delete from public.tiktok_post_view_gains g using public.tiktok_posts p
  where p.workspace_id = any (workspace_ids) and g.post_id = p.id;
  delete from public.tiktok_group_view_gains g where g.workspace_id = any (workspace_ids);
  insert into public.tiktok_post_view_gains (post_id, workspace_id, date, gained)
  select s.post_id, s.workspace_id, s.date,
    private.view_gain(s.date, s.views, s.previous_day, s.previous_views, (p.posted_at at time zone w.timezone)::date)
  from (
    select post_id, workspace_id, date, views,
      lag(date) over (partition by post_id order by date) as previous_day, lag(views) over (partition by post_id order by date) as previous_views
    from public.tiktok_post_stats
    where workspace_id = any (workspace_ids) and views is not null
  ) s
  join public.tiktok_posts p on p.id = s.post_id
  join public.workspaces w on w.id = p.workspace_id;
  insert into public.tiktok_group_view_gains (workspace_id, dimension, key, date, gained, readings)
  select g.workspace_id, k.dimension, k.key, g.date, coalesce(sum(g.gained), 0), count(*)
  from public.tiktok_post_view_gains g
  join public.tiktok_posts p on p.id = g.post_id
  cross join lateral private.view_gain_groups(p.va, p.creator, p.set_id, p.is_slideshow) as k
  where g.workspace_id = any (workspace_ids)
  group by g.workspace_id, k.dimension, k.key, g.date;
$$;
--> statement-breakpoint
revoke all on function private.view_gain(date, bigint, date, bigint, date), private.view_gain_groups(text, text, text, boolean),
  private.backfill_view_gains(uuid[]) from public, anon, authenticated;
--> statement-breakpoint
revoke all on function private.add_group_view_gains(uuid[], date[], text[], text[], text[], boolean[], bigint[], int[]),
  private.add_post_group_view_gains(uuid, uuid, text, text, text, boolean, int), private.lock_view_gains(uuid[]),
  private.refresh_post_view_gains(uuid[], date[]), private.tiktok_post_stats_view_gains(),
  private.tiktok_posts_view_gains_moved(), private.tiktok_posts_view_gains_deleted(), private.workspaces_view_gains_timezone()
  from public, anon, authenticated;
--> statement-breakpoint
create trigger tiktok_post_stats_view_gains_insert after insert on public.tiktok_post_stats
  referencing new table as changed_new for each statement execute function private.tiktok_post_stats_view_gains();
--> statement-breakpoint
create trigger tiktok_post_stats_view_gains_update after update on public.tiktok_post_stats
  referencing old table as changed_old new table as changed_new for each statement execute function private.tiktok_post_stats_view_gains();
--> statement-breakpoint
create trigger tiktok_post_stats_view_gains_delete after delete on public.tiktok_post_stats
  referencing old table as changed_old for each statement execute function private.tiktok_post_stats_view_gains();
--> statement-breakpoint
create trigger tiktok_posts_view_gains_moved after update of va, creator, set_id, is_slideshow, posted_at on public.tiktok_posts
  for each row when ((old.va, old.creator, old.set_id, old.is_slideshow, old.posted_at) is distinct from (new.va, new.creator, new.set_id, new.is_slideshow, new.posted_at))
  execute function private.tiktok_posts_view_gains_moved();
--> statement-breakpoint
create trigger tiktok_posts_view_gains_deleted before delete on public.tiktok_posts
  for each row execute function private.tiktok_posts_view_gains_deleted();
--> statement-breakpoint
create trigger workspaces_view_gains_timezone after update of timezone on public.workspaces
  for each row when (old.timezone is distinct from new.timezone) execute function private.workspaces_view_gains_timezone();
--> statement-breakpoint
select private.backfill_view_gains(array_agg(id)) from public.workspaces;
