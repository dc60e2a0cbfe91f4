-- Moving one post to another set cost 62–67 ms (p50, 100,000 posts): its gains left all four of its
-- groups and entered all four again, though only the set changed, and each call then scanned every
-- group's row of each of its ~90 days for sums left empty. Now the post's old and new groups go in
-- one call, where a group it stays in cancels out, and only the group-days written are checked.
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
  -- By the whole key (a null key apart), so the unique index finds each row.
  delete from public.tiktok_group_view_gains g
  using (
    select distinct t.workspace_id, k.dimension, k.key, t.day
    from unnest(workspace_ids, days, vas, creators, set_ids, slideshows) as t(workspace_id, day, va, creator, set_id, is_slideshow)
    cross join lateral private.view_gain_groups(t.va, t.creator, t.set_id, t.is_slideshow) as k
  ) t
  where g.readings = 0 and g.workspace_id = t.workspace_id and g.dimension = t.dimension and g.date = t.day and g.key = t.key;
  delete from public.tiktok_group_view_gains g
  using (
    select distinct t.workspace_id, k.dimension, t.day
    from unnest(workspace_ids, days, vas, creators, set_ids, slideshows) as t(workspace_id, day, va, creator, set_id, is_slideshow)
    cross join lateral private.view_gain_groups(t.va, t.creator, t.set_id, t.is_slideshow) as k
    where k.key is null
  ) t
  where g.readings = 0 and g.workspace_id = t.workspace_id and g.dimension = t.dimension and g.date = t.day and g.key is null;
$$;
--> statement-breakpoint
create or replace function private.tiktok_posts_view_gains_moved()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if (old.va, old.creator, old.set_id, old.is_slideshow) is distinct from (new.va, new.creator, new.set_id, new.is_slideshow) then
    perform private.lock_view_gains(array[new.id]);
    perform private.add_group_view_gains(array_agg(m.workspace_id), array_agg(m.date), array_agg(m.va), array_agg(m.creator), array_agg(m.set_id),
      array_agg(m.is_slideshow), array_agg(m.direction * coalesce(m.gained, 0)), array_agg(m.direction))
    from (
      select old.workspace_id, g.date, old.va, old.creator, old.set_id, old.is_slideshow, g.gained, -1 as direction
      from public.tiktok_post_view_gains g where g.post_id = old.id
      union all
      select new.workspace_id, g.date, new.va, new.creator, new.set_id, new.is_slideshow, g.gained, 1
      from public.tiktok_post_view_gains g where g.post_id = new.id
    ) m
    having count(*) > 0;
  end if;
  if old.posted_at is distinct from new.posted_at then
    perform private.refresh_post_view_gains(array[new.id], array[min(s.date)])
    from public.tiktok_post_stats s where s.post_id = new.id and s.views is not null having count(*) > 0;
  end if;
  return null;
end
$$;
