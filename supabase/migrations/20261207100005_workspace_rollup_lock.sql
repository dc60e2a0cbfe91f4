-- Writers of a workspace's rollups hold its rollup lock (advisory 7240114) and, at commit, update the
-- workspace's row (data_version). A timezone change or a workspace's deletion held that row and then
-- waited for the lock in its triggers: a deadlock with any writer committing meanwhile. Both now take
-- the lock first (updateWorkspace, deleteWorkspaceRows), by this function, which the stored medians'
-- fill and triggers (migration 20261207100010) use as well.
create or replace function private.lock_workspace_rollups(workspace_ids uuid[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- perform runs over every row; a plain SQL function would stop at the first.
  perform pg_advisory_xact_lock(7240114, hashtext(w.id::text))
  from (select distinct t.id from unnest(workspace_ids) as t(id) order by 1) w;
end
$$;
--> statement-breakpoint
revoke all on function private.lock_workspace_rollups(uuid[]) from public, anon, authenticated;
--> statement-breakpoint
-- The rebuild takes it before its first row too, whoever calls it.
create or replace function private.backfill_posted_days(workspace_ids uuid[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.lock_workspace_rollups(workspace_ids);
  delete from public.tiktok_group_posted_days g where g.workspace_id = any (workspace_ids);
  perform private.refresh_posted_days(array_agg(p.workspace_id), array_agg((p.posted_at at time zone w.timezone)::date), array_agg(k.dimension), array_agg(k.key))
  from public.tiktok_posts p join public.workspaces w on w.id = p.workspace_id
  cross join lateral private.posted_day_groups(p.va, p.creator, p.set_id, p.is_slideshow, p.slide_count) as k
  where p.workspace_id = any (workspace_ids) and p.posted_at is not null
  having count(*) > 0;
end
$$;
