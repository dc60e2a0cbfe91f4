ALTER TABLE "accounts" ADD COLUMN "latest_snapshot_date" date;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "latest_followers" bigint;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "latest_approximate" boolean;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "followers_change_7d" bigint;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "followers_change_30d" bigint;--> statement-breakpoint
CREATE INDEX "accounts_workspace_change_7d_idx" ON "accounts" USING btree ("workspace_id","followers_change_7d" DESC NULLS LAST,"handle");--> statement-breakpoint
-- The Accounts page sorts every account by its 7-day change; computing that from history on each
-- request costs three index probes per account. These columns hold the answer, kept current by
-- statement-level triggers on account_snapshots that refresh only the accounts a statement touched.
create or replace function private.refresh_account_latest(account_ids uuid[])
returns void
language sql
security definer
set search_path = ''
as $$
  update public.accounts a
  set latest_snapshot_date = l.snapshot_date,
      latest_followers = l.followers,
      latest_approximate = l.approximate,
      followers_change_7d = l.followers - w.followers,
      followers_change_30d = l.followers - m.followers
  from (select distinct unnest(account_ids) as id) t
  left join lateral (
    select s.snapshot_date, s.followers, s.approximate
    from public.account_snapshots s where s.account_id = t.id
    order by s.snapshot_date desc limit 1
  ) l on true
  left join lateral (
    select s.followers from public.account_snapshots s
    where s.account_id = t.id and s.followers is not null
      and s.snapshot_date <= l.snapshot_date - 7 and s.snapshot_date >= l.snapshot_date - 10
    order by s.snapshot_date desc limit 1
  ) w on true
  left join lateral (
    select s.followers from public.account_snapshots s
    where s.account_id = t.id and s.followers is not null
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
begin
  if tg_op = 'DELETE' then
    perform private.refresh_account_latest(array(select distinct account_id from changed_old));
  else
    perform private.refresh_account_latest(array(select distinct account_id from changed_new));
  end if;
  return null;
end
$$;
--> statement-breakpoint
revoke all on function private.refresh_account_latest(uuid[]), private.account_snapshots_changed() from public, anon, authenticated;
--> statement-breakpoint
create trigger account_snapshots_latest_insert after insert on public.account_snapshots
  referencing new table as changed_new for each statement execute function private.account_snapshots_changed();
--> statement-breakpoint
create trigger account_snapshots_latest_update after update on public.account_snapshots
  referencing new table as changed_new for each statement execute function private.account_snapshots_changed();
--> statement-breakpoint
create trigger account_snapshots_latest_delete after delete on public.account_snapshots
  referencing old table as changed_old for each statement execute function private.account_snapshots_changed();
