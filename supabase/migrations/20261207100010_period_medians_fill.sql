-- Exact medians sorted every views value of a period on each read: by set over 90 days, 300 sorts
-- (~75,000 values), a third of the leaderboard's time. fill_period_medians stores them for the preset
-- periods after each run; any change to a day row deletes the stored medians whose period covers it,
-- in the writer's transaction, so a stored median is current and a missing one is computed on read.
revoke insert, update, delete on public.tiktok_group_period_medians from authenticated;
--> statement-breakpoint
-- Writers of a workspace's rollups hold its rollup lock (private.lock_workspace_rollups, migration
-- 20261207100005) until they commit; the fill takes it too, so it computes from committed days and
-- a writer's deletes come after its inserts.
create or replace function private.forget_period_medians(workspace_ids uuid[], dimensions text[], keys text[], days date[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.lock_workspace_rollups(workspace_ids);
  -- By the whole key, then the null keys, so the index serves both.
  delete from public.tiktok_group_period_medians m
  using (select distinct * from unnest(workspace_ids, dimensions, keys, days) as t(workspace_id, dimension, key, day)) c
  where m.workspace_id = c.workspace_id and m.dimension = c.dimension and m.key = c.key and c.day between m.period_from and m.period_to;
  delete from public.tiktok_group_period_medians m
  using (select distinct * from unnest(workspace_ids, dimensions, keys, days) as t(workspace_id, dimension, key, day) where t.key is null) c
  where m.workspace_id = c.workspace_id and m.dimension = c.dimension and m.key is null and c.day between m.period_from and m.period_to;
end
$$;
--> statement-breakpoint
create or replace function private.posted_days_medians()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.forget_period_medians(array_agg(n.workspace_id), array_agg(n.dimension), array_agg(n.key), array_agg(n.date))
    from changed_new n having count(*) > 0;
  elsif tg_op = 'UPDATE' then
    perform private.forget_period_medians(array_agg(t.workspace_id), array_agg(t.dimension), array_agg(t.key), array_agg(t.date))
    from (select workspace_id, dimension, key, date from changed_old union all select workspace_id, dimension, key, date from changed_new) t
    having count(*) > 0;
  else
    perform private.forget_period_medians(array_agg(o.workspace_id), array_agg(o.dimension), array_agg(o.key), array_agg(o.date))
    from changed_old o having count(*) > 0;
  end if;
  return null;
end
$$;
--> statement-breakpoint
-- Stores the median views of every group with posts in each period, for the groups that have none
-- stored, and drops the periods no longer asked for (the presets that ended yesterday).
create or replace function private.fill_period_medians(workspace uuid, dimensions text[], period_froms date[], period_tos date[])
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  written integer;
begin
  perform private.lock_workspace_rollups(array[workspace]);
  delete from public.tiktok_group_period_medians m
  where m.workspace_id = workspace
    and not exists (select 1 from unnest(period_froms, period_tos) as p(period_from, period_to) where p.period_from = m.period_from and p.period_to = m.period_to);
  insert into public.tiktok_group_period_medians (workspace_id, dimension, key, period_from, period_to, median_views)
  select workspace, g.dimension, g.key, g.period_from, g.period_to,
    (select percentile_cont(0.5) within group (order by u.v) from (select unnest(g.view_list) as v) u)
  from (
    select d.dimension, d.key, p.period_from, p.period_to, private.array_cat_agg(d.view_list) as view_list
    from unnest(period_froms, period_tos) as p(period_from, period_to)
    join public.tiktok_group_posted_days d
      on d.workspace_id = workspace and d.dimension = any (dimensions) and d.date between p.period_from and p.period_to
    group by 1, 2, 3, 4
  ) g
  where not exists (
    select 1 from public.tiktok_group_period_medians m
    where m.workspace_id = workspace and m.dimension = g.dimension and m.key is not distinct from g.key
      and m.period_from = g.period_from and m.period_to = g.period_to
  );
  get diagnostics written = row_count;
  return written;
end
$$;
--> statement-breakpoint
revoke all on function private.forget_period_medians(uuid[], text[], text[], date[]), private.posted_days_medians(),
  private.fill_period_medians(uuid, text[], date[], date[]) from public, anon, authenticated;
--> statement-breakpoint
create trigger tiktok_group_posted_days_medians_insert after insert on public.tiktok_group_posted_days
  referencing new table as changed_new for each statement execute function private.posted_days_medians();
--> statement-breakpoint
create trigger tiktok_group_posted_days_medians_update after update on public.tiktok_group_posted_days
  referencing old table as changed_old new table as changed_new for each statement execute function private.posted_days_medians();
--> statement-breakpoint
create trigger tiktok_group_posted_days_medians_delete after delete on public.tiktok_group_posted_days
  referencing old table as changed_old for each statement execute function private.posted_days_medians();
