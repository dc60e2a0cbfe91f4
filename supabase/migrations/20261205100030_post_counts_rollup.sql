-- The Overview counted a workspace's posts by status and summed the 24-hour gains of the posts
-- scraped today by reading every post (100,000 index entries each, ~20 ms). tiktok_post_counts
-- holds the counts per status and latest stats day; statement-level triggers on tiktok_posts add
-- each statement's new rows and take away its old ones. Counts and sums are additive, so concurrent
-- writers need no lock: each upsert adds to the row's latest version.
revoke insert, update, delete on public.tiktok_post_counts from authenticated;
--> statement-breakpoint
create or replace function private.add_post_counts(workspace_ids uuid[], statuses public.post_status[], stats_dates date[], posts int[], gains bigint[])
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.tiktok_post_counts as c (workspace_id, status, stats_date, posts, gained_1d)
  select t.workspace_id, t.status, t.stats_date, sum(t.posts), coalesce(sum(t.gained), 0)
  from unnest(workspace_ids, statuses, stats_dates, posts, gains) as t(workspace_id, status, stats_date, posts, gained)
  -- A workspace being deleted takes its counts along: nothing to write.
  where exists (select 1 from public.workspaces w where w.id = t.workspace_id)
  group by t.workspace_id, t.status, t.stats_date
  having sum(t.posts) <> 0 or coalesce(sum(t.gained), 0) <> 0
  on conflict (workspace_id, status, stats_date) do update
    set posts = c.posts + excluded.posts, gained_1d = c.gained_1d + excluded.gained_1d;
  delete from public.tiktok_post_counts c
  using (select distinct t.workspace_id, t.status, t.stats_date from unnest(workspace_ids, statuses, stats_dates) as t(workspace_id, status, stats_date)) t
  where c.workspace_id = t.workspace_id and c.status = t.status and c.stats_date is not distinct from t.stats_date and c.posts = 0;
$$;
--> statement-breakpoint
-- Only rows whose status, stats day or gain changed count: the pipeline's other updates cost a comparison.
create or replace function private.tiktok_posts_counts()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.add_post_counts(array_agg(n.workspace_id), array_agg(n.status), array_agg(n.stats_date), array_agg(1), array_agg(n.views_gained_1d))
    from changed_new n having count(*) > 0;
  elsif tg_op = 'UPDATE' then
    perform private.add_post_counts(array_agg(t.workspace_id), array_agg(t.status), array_agg(t.stats_date), array_agg(t.posts), array_agg(t.gained))
    from (
      select c.* from changed_old o join changed_new n on n.id = o.id
      cross join lateral (
        values (o.workspace_id, o.status, o.stats_date, -1, -o.views_gained_1d), (n.workspace_id, n.status, n.stats_date, 1, n.views_gained_1d)
      ) as c(workspace_id, status, stats_date, posts, gained)
      where (o.status, o.stats_date, o.views_gained_1d) is distinct from (n.status, n.stats_date, n.views_gained_1d)
    ) t
    having count(*) > 0;
  else
    perform private.add_post_counts(array_agg(o.workspace_id), array_agg(o.status), array_agg(o.stats_date), array_agg(-1), array_agg(-o.views_gained_1d))
    from changed_old o having count(*) > 0;
  end if;
  return null;
end
$$;
--> statement-breakpoint
-- Rebuilds whole workspaces' counts: the migration's backfill, and the benchmark's after bulk loads.
create or replace function private.backfill_post_counts(workspace_ids uuid[])
returns void
language sql
security definer
set search_path = ''
as $$
  delete from public.tiktok_post_counts c where c.workspace_id = any (workspace_ids);
  insert into public.tiktok_post_counts (workspace_id, status, stats_date, posts, gained_1d)
  select p.workspace_id, p.status, p.stats_date, count(*), coalesce(sum(p.views_gained_1d), 0)
  from public.tiktok_posts p where p.workspace_id = any (workspace_ids)
  group by 1, 2, 3;
$$;
--> statement-breakpoint
revoke all on function private.add_post_counts(uuid[], public.post_status[], date[], int[], bigint[]), private.tiktok_posts_counts(),
  private.backfill_post_counts(uuid[]) from public, anon, authenticated;
--> statement-breakpoint
create trigger tiktok_posts_counts_insert after insert on public.tiktok_posts
  referencing new table as changed_new for each statement execute function private.tiktok_posts_counts();
--> statement-breakpoint
create trigger tiktok_posts_counts_update after update on public.tiktok_posts
  referencing old table as changed_old new table as changed_new for each statement execute function private.tiktok_posts_counts();
--> statement-breakpoint
create trigger tiktok_posts_counts_delete after delete on public.tiktok_posts
  referencing old table as changed_old for each statement execute function private.tiktok_posts_counts();
--> statement-breakpoint
select private.backfill_post_counts(array_agg(id)) from public.workspaces;
