-- Data quality (docs/data-quality.md): a snapshot that is an impossible jump is flagged, kept and
-- shown, and left out of the growth figures on accounts. Flags are recomputed for the accounts a
-- statement touched, before account_latest is refreshed, by the same statement-level triggers.
create or replace function private.flag_suspect_snapshots(account_ids uuid[])
returns void
language sql
security definer
set search_path = ''
as $$
  with reported as (
    select s.account_id, s.snapshot_date, s.followers,
      lag(s.followers) over w as previous,
      lead(s.followers) over w as next,
      min(s.followers) over (w rows between 60 preceding and 1 preceding) as low_before,
      count(*) over (w rows between 60 preceding and 1 preceding) as days_before
    from public.account_snapshots s
    where s.account_id = any(account_ids) and s.followers is not null
    window w as (partition by s.account_id order by s.snapshot_date)
  ),
  judged as (
    select account_id, snapshot_date,
      case
        when followers = 0 and days_before >= 30 and low_before > 10000 then 'zero_after_large'
        when previous > 0 and next > 0 and followers < previous * 0.5 and followers < next * 0.5 then 'dip_recovered'
        when previous > 0 and next > 0 and followers > previous * 2 and followers > next * 2 then 'spike_reverted'
      end as reason
    from reported
  )
  update public.account_snapshots s
  set suspect_reason = j.reason
  from judged j
  where s.account_id = j.account_id and s.snapshot_date = j.snapshot_date and s.suspect_reason is distinct from j.reason
$$;
--> statement-breakpoint
-- Followers and changes come from the latest snapshot that is not suspect; the date stays the latest one.
create or replace function private.refresh_account_latest(account_ids uuid[])
returns void
language sql
security definer
set search_path = ''
as $$
  update public.accounts a
  set latest_snapshot_date = d.snapshot_date,
      latest_followers = l.followers,
      latest_approximate = l.approximate,
      followers_change_7d = l.followers - w.followers,
      followers_change_30d = l.followers - m.followers
  from (select distinct unnest(account_ids) as id) t
  left join lateral (
    select max(s.snapshot_date) as snapshot_date from public.account_snapshots s where s.account_id = t.id
  ) d on true
  left join lateral (
    select s.snapshot_date, s.followers, s.approximate
    from public.account_snapshots s where s.account_id = t.id and s.suspect_reason is null
    order by s.snapshot_date desc limit 1
  ) l on true
  left join lateral (
    select s.followers from public.account_snapshots s
    where s.account_id = t.id and s.followers is not null and s.suspect_reason is null
      and s.snapshot_date <= l.snapshot_date - 7 and s.snapshot_date >= l.snapshot_date - 10
    order by s.snapshot_date desc limit 1
  ) w on true
  left join lateral (
    select s.followers from public.account_snapshots s
    where s.account_id = t.id and s.followers is not null and s.suspect_reason is null
      and s.snapshot_date <= l.snapshot_date - 30 and s.snapshot_date >= l.snapshot_date - 33
    order by s.snapshot_date desc limit 1
  ) m on true
  where a.id = t.id
$$;
--> statement-breakpoint
create or replace function private.account_snapshots_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  touched uuid[];
begin
  -- The flagging update below fires these triggers again; the outer call refreshes after it.
  if pg_trigger_depth() > 1 then
    return null;
  end if;
  if tg_op = 'DELETE' then
    touched := array(select distinct account_id from changed_old);
  else
    touched := array(select distinct account_id from changed_new);
  end if;
  perform private.flag_suspect_snapshots(touched);
  perform private.refresh_account_latest(touched);
  return null;
end
$$;
--> statement-breakpoint
revoke all on function private.flag_suspect_snapshots(uuid[]) from public, anon, authenticated;
--> statement-breakpoint
-- Existing history is judged once.
select private.flag_suspect_snapshots(array(select id from public.accounts));
--> statement-breakpoint
select private.refresh_account_latest(array(select id from public.accounts));
