-- The leaderboards and trends summarise the posts posted in a period; reading and sorting every one
-- of them on each request cost ~1 s at 100,000 posts. tiktok_group_posted_days holds, per workspace,
-- posted day (workspace timezone) and group, the counts, sums, every reported views value (for exact
-- medians) and the top post. Statement-level triggers on tiktok_posts recompute the groups and
-- posted days a statement touched from the posts themselves.
revoke insert, update, delete on public.tiktok_group_posted_days from authenticated;
--> statement-breakpoint
-- The groups a post is summed in: va, creator, set, type (is_slideshow as text), and for slideshows
-- that report a slide count, slides (the trends' buckets).
create or replace function private.posted_day_groups(va text, creator text, set_id text, is_slideshow boolean, slide_count int)
returns table (dimension text, key text)
language sql
immutable
as $$
  select * from (values ('va', va), ('creator', creator), ('set', set_id), ('type', is_slideshow::text)) as k(dimension, key)
  union all
  select 'slides', case when slide_count <= 3 then '1–3' when slide_count <= 6 then '4–6' else '7+' end
  where is_slideshow and slide_count >= 1
$$;
--> statement-breakpoint
-- Recomputes the given groups (workspace, posted day, dimension, key) from tiktok_posts: one day's
-- posts are one index range, and only the touched groups are written (a day holds ~400 groups at
-- 100,000 posts; rewriting them all cost 37 ms per post update). Two transactions writing one
-- workspace's posts take the view-gains workspace lock first (one lock for both rollups, so no lock
-- order to get wrong); the recompute then reads what the other committed.
create or replace function private.refresh_posted_days(workspace_ids uuid[], days date[], dimensions text[], keys text[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform pg_advisory_xact_lock(7240114, hashtext(w.id::text))
  from (select distinct t.id from unnest(workspace_ids) as t(id) order by 1) w;
  with touched as (
    select distinct t.workspace_id, t.day, t.dimension, t.key
    from unnest(workspace_ids, days, dimensions, keys) as t(workspace_id, day, dimension, key) where t.day is not null
  ),
  -- Each day's bounds first, so every day is one range of tiktok_posts_posted_at_idx (left to itself
  -- the planner joined every post of the workspace and filtered them, 600 ms).
  touched_days as materialized (
    select d.workspace_id, d.day, d.day::timestamp at time zone w.timezone as starts, (d.day + 1)::timestamp at time zone w.timezone as ends
    from (select distinct workspace_id, day from touched) d join public.workspaces w on w.id = d.workspace_id
  ),
  posted as materialized (
    select d.workspace_id, d.day, p.id, p.va, p.creator, p.set_id, p.is_slideshow, p.slide_count, p.views, p.engagement_rate
    from touched_days d
    join public.tiktok_posts p on p.workspace_id = d.workspace_id and p.posted_at >= d.starts and p.posted_at < d.ends
  ),
  computed as (
    select x.workspace_id, k.dimension, k.key, x.day as date, count(*)::int as posts,
      count(*) filter (where x.is_slideshow)::int as slideshows, count(*) filter (where not x.is_slideshow)::int as videos,
      coalesce(sum(x.views), 0)::bigint as views,
      coalesce(array_agg(x.views order by x.views) filter (where x.views is not null), '{}') as view_list,
      coalesce(sum(x.engagement_rate), 0)::float8 as engagement_sum, count(x.engagement_rate)::int as engagement_posts,
      (array_agg(x.id order by x.views desc nulls last, x.id))[1] as top_id, max(x.views) as top_views
    from posted x
    cross join lateral private.posted_day_groups(x.va, x.creator, x.set_id, x.is_slideshow, x.slide_count) as k
    -- Keys compare wrapped in arrays, where nulls are equal, so the join can hash.
    join touched t on t.workspace_id = x.workspace_id and t.day = x.day and t.dimension = k.dimension and array[t.key] = array[k.key]
    group by x.workspace_id, k.dimension, k.key, x.day
  ),
  removed as (
    delete from public.tiktok_group_posted_days g using touched t
    where g.workspace_id = t.workspace_id and g.date = t.day and g.dimension = t.dimension and g.key is not distinct from t.key
      and not exists (
        select 1 from computed c where c.workspace_id = g.workspace_id and c.dimension = g.dimension and c.date = g.date and c.key is not distinct from g.key
      )
  )
  insert into public.tiktok_group_posted_days as g
    (workspace_id, dimension, key, date, posts, slideshows, videos, views, view_list, engagement_sum, engagement_posts, top_id, top_views)
  select workspace_id, dimension, key, date, posts, slideshows, videos, views, view_list, engagement_sum, engagement_posts, top_id, top_views from computed
  on conflict (workspace_id, dimension, date, key) do update
    set posts = excluded.posts, slideshows = excluded.slideshows, videos = excluded.videos, views = excluded.views,
      view_list = excluded.view_list, engagement_sum = excluded.engagement_sum, engagement_posts = excluded.engagement_posts,
      top_id = excluded.top_id, top_views = excluded.top_views;
end
$$;
-- The groups and posted days of the posts a statement inserted, deleted, or changed in a column the
-- rollup reads (the pipeline's other updates, such as status or the gains, cost one comparison).
create or replace function private.tiktok_posts_posted_days()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.refresh_posted_days(array_agg(n.workspace_id), array_agg((n.posted_at at time zone w.timezone)::date), array_agg(k.dimension), array_agg(k.key))
    from changed_new n join public.workspaces w on w.id = n.workspace_id
    cross join lateral private.posted_day_groups(n.va, n.creator, n.set_id, n.is_slideshow, n.slide_count) as k
    where n.posted_at is not null having count(*) > 0;
  elsif tg_op = 'UPDATE' then
    perform private.refresh_posted_days(array_agg(t.workspace_id), array_agg((t.posted_at at time zone w.timezone)::date), array_agg(k.dimension), array_agg(k.key))
    from changed_old o join changed_new n on n.id = o.id
    cross join lateral (
      values (o.workspace_id, o.posted_at, o.va, o.creator, o.set_id, o.is_slideshow, o.slide_count),
        (n.workspace_id, n.posted_at, n.va, n.creator, n.set_id, n.is_slideshow, n.slide_count)
    ) as t(workspace_id, posted_at, va, creator, set_id, is_slideshow, slide_count)
    join public.workspaces w on w.id = t.workspace_id
    cross join lateral private.posted_day_groups(t.va, t.creator, t.set_id, t.is_slideshow, t.slide_count) as k
    where t.posted_at is not null
      and (o.posted_at, o.va, o.creator, o.set_id, o.is_slideshow, o.slide_count, o.views, o.engagement_rate)
        is distinct from (n.posted_at, n.va, n.creator, n.set_id, n.is_slideshow, n.slide_count, n.views, n.engagement_rate)
    having count(*) > 0;
  else
    -- A workspace being deleted takes its rows along: the join finds no workspace, nothing to do.
    perform private.refresh_posted_days(array_agg(o.workspace_id), array_agg((o.posted_at at time zone w.timezone)::date), array_agg(k.dimension), array_agg(k.key))
    from changed_old o join public.workspaces w on w.id = o.workspace_id
    cross join lateral private.posted_day_groups(o.va, o.creator, o.set_id, o.is_slideshow, o.slide_count) as k
    where o.posted_at is not null having count(*) > 0;
  end if;
  return null;
end
$$;
--> statement-breakpoint
-- Rebuilds whole workspaces: the migration's backfill, a timezone change (every post's day can move),
-- and the benchmark's after loading posts in bulk.
create or replace function private.backfill_posted_days(workspace_ids uuid[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from public.tiktok_group_posted_days g where g.workspace_id = any (workspace_ids);
  perform private.refresh_posted_days(array_agg(p.workspace_id), array_agg((p.posted_at at time zone w.timezone)::date), array_agg(k.dimension), array_agg(k.key))
  from public.tiktok_posts p join public.workspaces w on w.id = p.workspace_id
  cross join lateral private.posted_day_groups(p.va, p.creator, p.set_id, p.is_slideshow, p.slide_count) as k
  where p.workspace_id = any (workspace_ids) and p.posted_at is not null
  having count(*) > 0;
end
$$;
--> statement-breakpoint
create or replace function private.workspaces_posted_days_timezone()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.backfill_posted_days(array[new.id]);
  return null;
end
$$;
--> statement-breakpoint
revoke all on function private.posted_day_groups(text, text, text, boolean, int), private.refresh_posted_days(uuid[], date[], text[], text[]),
  private.tiktok_posts_posted_days(), private.backfill_posted_days(uuid[]), private.workspaces_posted_days_timezone()
  from public, anon, authenticated;
--> statement-breakpoint
create trigger tiktok_posts_posted_days_insert after insert on public.tiktok_posts
  referencing new table as changed_new for each statement execute function private.tiktok_posts_posted_days();
--> statement-breakpoint
create trigger tiktok_posts_posted_days_update after update on public.tiktok_posts
  referencing old table as changed_old new table as changed_new for each statement execute function private.tiktok_posts_posted_days();
--> statement-breakpoint
create trigger tiktok_posts_posted_days_delete after delete on public.tiktok_posts
  referencing old table as changed_old for each statement execute function private.tiktok_posts_posted_days();
--> statement-breakpoint
create trigger workspaces_posted_days_timezone after update of timezone on public.workspaces
  for each row when (old.timezone is distinct from new.timezone) execute function private.workspaces_posted_days_timezone();
--> statement-breakpoint
select private.backfill_posted_days(array_agg(id)) from public.workspaces;
