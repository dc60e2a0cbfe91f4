-- Cross-source reconciliation (docs/data-quality.md): a snapshot whose two readings of the same day
-- disagreed (recorded by the app in extra), or whose figure jumps from the day before where the source
-- changed between the API and a page, is suspect like an impossible jump: kept, shown, left out of growth and alerts.
create or replace function private.followers_step(extra jsonb, followers bigint, approximate boolean)
returns numeric
language sql
immutable
set search_path = ''
as $$
  -- The rounding step the app recorded; rows written before it count a rounded figure as 10% coarse.
  select coalesce((extra->'readings'->0->>'granularity')::numeric, case when approximate then followers * 0.1 else 1 end)
$$;
--> statement-breakpoint
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
      count(*) over (w rows between 60 preceding and 1 preceding) as days_before,
      s.source, lag(s.source) over w as previous_source, lag(s.snapshot_date) over w as previous_date,
      private.followers_step(s.extra, s.followers, s.approximate) as step,
      lag(private.followers_step(s.extra, s.followers, s.approximate)) over w as previous_step,
      coalesce((s.extra->>'sourcesDisagree')::boolean, false) as sources_disagree
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
        when sources_disagree then 'sources_disagree'
        when previous_date = snapshot_date - 1 and (source = 'api') <> (previous_source = 'api')
          and abs(followers - previous) > greatest(step, previous_step) + 0.05 * greatest(followers, previous) then 'source_changed'
      end as reason
    from reported
  )
  update public.account_snapshots s
  set suspect_reason = j.reason
  from judged j
  where s.account_id = j.account_id and s.snapshot_date = j.snapshot_date and s.suspect_reason is distinct from j.reason
$$;
--> statement-breakpoint
revoke all on function private.followers_step(jsonb, bigint, boolean) from public, anon, authenticated;
--> statement-breakpoint
revoke all on function private.flag_suspect_snapshots(uuid[]) from public, anon, authenticated;
--> statement-breakpoint
-- Existing history is judged again under the new rules.
select private.flag_suspect_snapshots(array(select id from public.accounts));
--> statement-breakpoint
select private.refresh_account_latest(array(select id from public.accounts));
