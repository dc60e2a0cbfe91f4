-- Ending sessions before their JWT expires. A token carries its user's session version and its own
-- session id; the jwt callback refuses a token whose version is behind (password change, reset,
-- removal from the last workspace, "sign out everywhere") or whose id was signed out.
-- Private schema, service path only. No foreign keys: cascades from auth.users would race the
-- membership trigger below, and an orphan row only holds a number.
create table if not exists private.session_versions (
  user_id uuid primary key,
  version integer not null default 0,
  updated_at timestamptz not null default now()
);
--> statement-breakpoint
create table if not exists private.revoked_sessions (
  session_id text primary key,
  user_id uuid not null,
  expires_at timestamptz not null
);
--> statement-breakpoint
create index if not exists revoked_sessions_expires_idx on private.revoked_sessions (expires_at);
--> statement-breakpoint
alter table private.session_versions enable row level security;
--> statement-breakpoint
alter table private.revoked_sessions enable row level security;
--> statement-breakpoint
revoke all on private.session_versions, private.revoked_sessions from anon, authenticated;
--> statement-breakpoint
create or replace function private.bump_session_version(target uuid)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into private.session_versions (user_id, version, updated_at) values (target, 1, now())
  on conflict (user_id) do update set version = private.session_versions.version + 1, updated_at = now()
$$;
--> statement-breakpoint
revoke all on function private.bump_session_version(uuid) from public, anon, authenticated;
--> statement-breakpoint
-- A user ends their own sessions; an admin ends those of a member of a workspace they administer.
create or replace function private.sign_out_everywhere(target uuid)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
begin
  if target is distinct from (select auth.uid()) and not exists (
    select 1 from public.workspace_members m
    where m.user_id = target and m.workspace_id in (select private.workspace_ids_with_role('admin'))
  ) then
    return false;
  end if;
  perform private.bump_session_version(target);
  return true;
end
$$;
--> statement-breakpoint
revoke all on function private.sign_out_everywhere(uuid) from public, anon;
--> statement-breakpoint
grant execute on function private.sign_out_everywhere(uuid) to authenticated;
--> statement-breakpoint
-- Whatever path removes a user's last membership (an admin, a workspace deletion, raw SQL), the
-- user's open sessions end with it.
create or replace function private.end_sessions_without_workspace()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not exists (select 1 from public.workspace_members m where m.user_id = old.user_id) then
    perform private.bump_session_version(old.user_id);
  end if;
  return null;
end
$$;
--> statement-breakpoint
revoke all on function private.end_sessions_without_workspace() from public, anon, authenticated;
--> statement-breakpoint
create trigger workspace_members_end_sessions after delete on public.workspace_members
  for each row execute function private.end_sessions_without_workspace();
