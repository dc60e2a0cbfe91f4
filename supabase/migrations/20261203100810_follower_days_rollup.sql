-- The Overview charts a workspace's total followers over 30 days; summing every account's history on
-- each request costs a probe per account and day. workspace_follower_days holds the answer: for each
-- day, each active account's latest non-suspect reading of that day or the two before it (a missed
-- scrape does not dip the total; older readings are stale and not counted).
-- Statement-level triggers refresh only the days a statement touched, and the two days after each.
revoke insert, update, delete on public.workspace_follower_days from authenticated;
--> statement-breakpoint
create or replace function private.refresh_follower_days(workspace_ids uuid[], days date[])
returns void
language sql
security definer
set search_path = ''
as $$
  with touched as (
    select distinct t.workspace_id, (t.day + k)::date as day
    from unnest(workspace_ids, days) as t(workspace_id, day), generate_series(0, 2) as k
  ),
  totals as (
    select d.workspace_id, d.day, sum(l.followers)::bigint as followers, count(*)::int as accounts,
           bool_or(l.approximate) as approximate
    from touched d
    -- A workspace being deleted has no days left to write.
    join public.workspaces w on w.id = d.workspace_id
    cross join lateral (
      select distinct on (s.account_id) s.followers, s.approximate
      from public.account_snapshots s
      join public.accounts a on a.id = s.account_id and a.active
      where s.workspace_id = d.workspace_id and s.snapshot_date between d.day - 2 and d.day
        and s.followers is not null and s.suspect_reason is null
      order by s.account_id, s.snapshot_date desc
    ) l
    group by d.workspace_id, d.day
  ),
  removed as (
    delete from public.workspace_follower_days f
    using touched d
    where f.workspace_id = d.workspace_id and f.date = d.day
      and not exists (select 1 from totals t where t.workspace_id = d.workspace_id and t.day = d.day)
  )
  insert into public.workspace_follower_days (workspace_id, date, followers, accounts, approximate)
  select workspace_id, day, followers, accounts, approximate from totals
  on conflict (workspace_id, date) do update
    set followers = excluded.followers, accounts = excluded.accounts, approximate = excluded.approximate
$$;
--> statement-breakpoint
-- No depth guard: the suspect-flag update nested in account_snapshots_changed must refresh its days too.
create or replace function private.account_snapshots_follower_days()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    perform private.refresh_follower_days(array_agg(workspace_id), array_agg(snapshot_date)) from changed_old;
  else
    perform private.refresh_follower_days(array_agg(workspace_id), array_agg(snapshot_date)) from changed_new;
  end if;
  return null;
end
$$;
--> statement-breakpoint
-- An account paused or resumed leaves or rejoins every day it has a reading for.
create or replace function private.account_active_follower_days()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.refresh_follower_days(array_agg(s.workspace_id), array_agg(s.snapshot_date))
  from public.account_snapshots s where s.account_id = new.id;
  return null;
end
$$;
--> statement-breakpoint
revoke all on function private.refresh_follower_days(uuid[], date[]), private.account_snapshots_follower_days(), private.account_active_follower_days() from public, anon, authenticated;
--> statement-breakpoint
create trigger account_snapshots_follower_days_insert after insert on public.account_snapshots
  referencing new table as changed_new for each statement execute function private.account_snapshots_follower_days();
--> statement-breakpoint
create trigger account_snapshots_follower_days_update after update on public.account_snapshots
  referencing new table as changed_new for each statement execute function private.account_snapshots_follower_days();
--> statement-breakpoint
create trigger account_snapshots_follower_days_delete after delete on public.account_snapshots
  referencing old table as changed_old for each statement execute function private.account_snapshots_follower_days();
--> statement-breakpoint
create trigger accounts_active_follower_days after update of active on public.accounts
  for each row when (old.active is distinct from new.active) execute function private.account_active_follower_days();
--> statement-breakpoint
select private.refresh_follower_days(array_agg(workspace_id), array_agg(snapshot_date))
from (select distinct workspace_id, snapshot_date from public.account_snapshots) t;
