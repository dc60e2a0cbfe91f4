-- Summary caches (docs/operations.md) key on workspaces.data_version. It is bumped once per
-- transaction and workspace, at commit (deferred), so the counter row is the last lock a writer
-- takes and is held only while it commits: no deadlock with the rows it wrote, no wait for readers.
create or replace function private.bump_data_version()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  ws uuid;
  flag text;
begin
  if tg_op = 'DELETE' then
    ws := old.workspace_id;
  else
    ws := new.workspace_id;
  end if;
  flag := 'reach.data_version_' || replace(ws::text, '-', '_');
  if current_setting(flag, true) is distinct from 'bumped' then
    update public.workspaces set data_version = data_version + 1 where id = ws;
    perform set_config(flag, 'bumped', true);
  end if;
  return null;
end
$$;
--> statement-breakpoint
revoke all on function private.bump_data_version() from public, anon, authenticated;
--> statement-breakpoint
create constraint trigger accounts_data_version after insert or update or delete on public.accounts
  deferrable initially deferred for each row execute function private.bump_data_version();
--> statement-breakpoint
create constraint trigger account_snapshots_data_version after insert or update or delete on public.account_snapshots
  deferrable initially deferred for each row execute function private.bump_data_version();
--> statement-breakpoint
create constraint trigger tiktok_posts_data_version after insert or update or delete on public.tiktok_posts
  deferrable initially deferred for each row execute function private.bump_data_version();
--> statement-breakpoint
create constraint trigger tiktok_post_stats_data_version after insert or update or delete on public.tiktok_post_stats
  deferrable initially deferred for each row execute function private.bump_data_version();
--> statement-breakpoint
create constraint trigger job_runs_data_version after insert or update or delete on public.job_runs
  deferrable initially deferred for each row execute function private.bump_data_version();
