-- A post's views update cost 12–27 ms: the trigger recomputed each touched group-day from the
-- day's ~830 posts and re-sorted its views values. Now a statement's rows are applied as deltas:
-- counts and sums add or subtract, each old views value leaves the sorted view_list and each new
-- one enters it by binary search, and a group-day is recomputed from the posts only when its top
-- post left without a better one arriving (or the rollup disagrees with the posts it saw).

-- The sorted list with one occurrence of each removed value taken out and each added value put in
-- order, or null if a removed value is not in it. width_bucket is a binary search: the number of
-- elements at or below the value. Many changes at once are cheaper as one sort than as many slices.
create or replace function private.sorted_list_apply(list bigint[], removed bigint[], added bigint[])
returns bigint[]
language plpgsql
immutable
set search_path = ''
as $$
declare
  v bigint;
  i int;
  merged bigint[];
begin
  if cardinality(removed) = 0 and cardinality(list) = 0 then
    return added;
  end if;
  if cardinality(removed) + cardinality(added) > 32 then
    select coalesce(array_agg(x.v order by x.v), '{}') into merged
    from ((select unnest(list) except all select unnest(removed)) union all select unnest(added)) as x(v);
    if cardinality(merged) <> cardinality(list) - cardinality(removed) + cardinality(added) then
      return null;
    end if;
    return merged;
  end if;
  foreach v in array removed loop
    i := width_bucket(v, list);
    if i = 0 or list[i] <> v then
      return null;
    end if;
    list := list[:i - 1] || list[i + 1:];
  end loop;
  foreach v in array added loop
    i := width_bucket(v, list);
    list := list[:i] || v || list[i + 1:];
  end loop;
  return list;
end
$$;
--> statement-breakpoint
-- Whether post a comes first in the top-post order (views desc nulls last, then the smaller id).
create or replace function private.ranks_first(a_views bigint, a_id uuid, b_views bigint, b_id uuid)
returns boolean
language sql
immutable
as $$
  select case when a_views is distinct from b_views then coalesce(a_views > b_views, a_views is not null) else a_id <= b_id end
$$;
--> statement-breakpoint
-- Applies a statement's changes: one entry per post and group-day it left (sign -1) or entered (+1)
-- with its type, views and engagement rate. A post that left and re-entered a group-day unchanged
-- (its set moved: its VA's day) cancels out. Writers of a workspace take the view-gains workspace
-- lock first, as the recompute does, so each applies its deltas to what the other committed.
create or replace function private.apply_posted_days(workspace_ids uuid[], days date[], dimensions text[], keys text[], signs int[],
  ids uuid[], slideshows boolean[], views bigint[], engagement float8[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  redo_workspaces uuid[];
  redo_days date[];
  redo_dimensions text[];
  redo_keys text[];
begin
  perform pg_advisory_xact_lock(7240114, hashtext(w.id::text))
  from (select distinct t.id from unnest(workspace_ids) as t(id) order by 1) w;
  with changes as (
    select t.workspace_id, t.day, t.dimension, t.key, t.id, t.is_slideshow, t.views, t.engagement, sum(t.sign)::int as sign
    from unnest(workspace_ids, days, dimensions, keys, signs, ids, slideshows, views, engagement)
      as t(workspace_id, day, dimension, key, sign, id, is_slideshow, views, engagement)
    group by 1, 2, 3, 4, 5, 6, 7, 8
    having sum(t.sign) <> 0
  ),
  deltas as (
    select c.workspace_id, c.day, c.dimension, c.key, sum(c.sign)::int as posts,
      coalesce(sum(c.sign) filter (where c.is_slideshow), 0)::int as slideshows,
      coalesce(sum(c.sign) filter (where not c.is_slideshow), 0)::int as videos,
      coalesce(sum(c.sign * c.views), 0)::bigint as views,
      coalesce(sum(c.sign * c.engagement), 0)::float8 as engagement_sum,
      coalesce(sum(c.sign) filter (where c.engagement is not null), 0)::int as engagement_posts,
      coalesce(array_agg(c.views order by c.views) filter (where c.sign < 0 and c.views is not null), '{}') as removed,
      coalesce(array_agg(c.views order by c.views) filter (where c.sign > 0 and c.views is not null), '{}') as added,
      coalesce(array_agg(c.id) filter (where c.sign < 0), '{}') as removed_ids,
      (array_agg(c.id order by c.views desc nulls last, c.id) filter (where c.sign > 0))[1] as added_top_id,
      max(c.views) filter (where c.sign > 0) as added_top_views
    from changes c
    group by 1, 2, 3, 4
  ),
  next as materialized (
    select d.workspace_id, d.dimension, d.key, d.day as date,
      coalesce(g.posts, 0) + d.posts as posts, coalesce(g.slideshows, 0) + d.slideshows as slideshows,
      coalesce(g.videos, 0) + d.videos as videos, coalesce(g.views, 0) + d.views as views,
      private.sorted_list_apply(coalesce(g.view_list, '{}'), d.removed, d.added) as view_list,
      -- No engagement left: exactly 0, not what subtracting floats leaves.
      case when coalesce(g.engagement_posts, 0) + d.engagement_posts = 0 then 0 else coalesce(g.engagement_sum, 0) + d.engagement_sum end as engagement_sum,
      coalesce(g.engagement_posts, 0) + d.engagement_posts as engagement_posts,
      top.id as top_id, top.views as top_views
    from deltas d
    left join lateral (
      select * from public.tiktok_group_posted_days g
      where g.workspace_id = d.workspace_id and g.dimension = d.dimension and g.date = d.day and g.key = d.key
      union all
      select * from public.tiktok_group_posted_days g
      where d.key is null and g.workspace_id = d.workspace_id and g.dimension = d.dimension and g.date = d.day and g.key is null
    ) g on true
    cross join lateral (
      select case
          when g.workspace_id is null then d.added_top_id
          when d.added_top_id is not null and private.ranks_first(d.added_top_views, d.added_top_id, g.top_views, g.top_id) then d.added_top_id
          when g.top_id <> all (d.removed_ids) then g.top_id
        end as id
    ) top_id
    cross join lateral (
      select top_id.id, case when top_id.id = d.added_top_id then d.added_top_views else g.top_views end as views
    ) top
  ),
  checked as materialized (
    -- A top post that left with no better one arriving, or a rollup at odds with the rows it saw.
    select n.*, n.view_list is null or n.posts < 0 or (n.posts > 0 and n.top_id is null) or (n.posts = 0 and cardinality(n.view_list) > 0) as recompute
    from next n
  ),
  written as (
    insert into public.tiktok_group_posted_days as g
      (workspace_id, dimension, key, date, posts, slideshows, videos, views, view_list, engagement_sum, engagement_posts, top_id, top_views)
    select c.workspace_id, c.dimension, c.key, c.date, c.posts, c.slideshows, c.videos, c.views, c.view_list, c.engagement_sum, c.engagement_posts, c.top_id, c.top_views
    from checked c where not c.recompute and c.posts > 0
    on conflict (workspace_id, dimension, date, key) do update
      set posts = excluded.posts, slideshows = excluded.slideshows, videos = excluded.videos, views = excluded.views,
        view_list = excluded.view_list, engagement_sum = excluded.engagement_sum, engagement_posts = excluded.engagement_posts,
        top_id = excluded.top_id, top_views = excluded.top_views
  ),
  emptied as (
    delete from public.tiktok_group_posted_days g using checked c
    where not c.recompute and c.posts = 0
      and g.workspace_id = c.workspace_id and g.dimension = c.dimension and g.date = c.date and array[g.key] = array[c.key]
  )
  select array_agg(c.workspace_id), array_agg(c.date), array_agg(c.dimension), array_agg(c.key)
  into redo_workspaces, redo_days, redo_dimensions, redo_keys
  from checked c where c.recompute;
  if redo_workspaces is not null then
    perform private.refresh_posted_days(redo_workspaces, redo_days, redo_dimensions, redo_keys);
  end if;
end
$$;
--> statement-breakpoint
-- The same statements as before (migration 20261205100010), now as deltas: the new rows enter their
-- groups and days, the old ones leave theirs; updates only of rows changed in a column the rollup reads.
create or replace function private.tiktok_posts_posted_days()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.apply_posted_days(array_agg(n.workspace_id), array_agg((n.posted_at at time zone w.timezone)::date), array_agg(k.dimension),
      array_agg(k.key), array_agg(1), array_agg(n.id), array_agg(n.is_slideshow), array_agg(n.views), array_agg(n.engagement_rate))
    from changed_new n join public.workspaces w on w.id = n.workspace_id
    cross join lateral private.posted_day_groups(n.va, n.creator, n.set_id, n.is_slideshow, n.slide_count) as k
    where n.posted_at is not null having count(*) > 0;
  elsif tg_op = 'UPDATE' then
    perform private.apply_posted_days(array_agg(t.workspace_id), array_agg((t.posted_at at time zone w.timezone)::date), array_agg(k.dimension),
      array_agg(k.key), array_agg(t.sign), array_agg(t.id), array_agg(t.is_slideshow), array_agg(t.views), array_agg(t.engagement_rate))
    from changed_old o join changed_new n on n.id = o.id
    cross join lateral (
      values (-1, o.id, o.workspace_id, o.posted_at, o.va, o.creator, o.set_id, o.is_slideshow, o.slide_count, o.views, o.engagement_rate),
        (1, n.id, n.workspace_id, n.posted_at, n.va, n.creator, n.set_id, n.is_slideshow, n.slide_count, n.views, n.engagement_rate)
    ) as t(sign, id, workspace_id, posted_at, va, creator, set_id, is_slideshow, slide_count, views, engagement_rate)
    join public.workspaces w on w.id = t.workspace_id
    cross join lateral private.posted_day_groups(t.va, t.creator, t.set_id, t.is_slideshow, t.slide_count) as k
    where t.posted_at is not null
      and (o.posted_at, o.va, o.creator, o.set_id, o.is_slideshow, o.slide_count, o.views, o.engagement_rate)
        is distinct from (n.posted_at, n.va, n.creator, n.set_id, n.is_slideshow, n.slide_count, n.views, n.engagement_rate)
    having count(*) > 0;
  else
    -- A workspace being deleted takes its rows along: the join finds no workspace, nothing to do.
    perform private.apply_posted_days(array_agg(o.workspace_id), array_agg((o.posted_at at time zone w.timezone)::date), array_agg(k.dimension),
      array_agg(k.key), array_agg(-1), array_agg(o.id), array_agg(o.is_slideshow), array_agg(o.views), array_agg(o.engagement_rate))
    from changed_old o join public.workspaces w on w.id = o.workspace_id
    cross join lateral private.posted_day_groups(o.va, o.creator, o.set_id, o.is_slideshow, o.slide_count) as k
    where o.posted_at is not null having count(*) > 0;
  end if;
  return null;
end
$$;
--> statement-breakpoint
revoke all on function private.sorted_list_apply(bigint[], bigint[], bigint[]), private.ranks_first(bigint, uuid, bigint, uuid),
  private.apply_posted_days(uuid[], date[], text[], text[], int[], uuid[], boolean[], bigint[], float8[])
  from public, anon, authenticated;
