-- API tokens as an RLS principal. The claims of a bearer request carry token_id (and a sub that is
-- the token's own id, so no user-scoped policy ever matches); every workspace policy goes through
-- private.member_workspace_ids / workspace_ids_with_role, which now read private.my_memberships().
create or replace function private.current_token_id()
returns uuid
language sql
stable
set search_path = ''
as $$
  select nullif(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'token_id', '')::uuid
$$;
--> statement-breakpoint
-- The caller's memberships: a user's rows in workspace_members, or a live token's one workspace and
-- role. A token never inherits its creator's memberships.
create or replace function private.my_memberships()
returns table (workspace_id uuid, role text)
language sql
stable
security definer
set search_path = ''
as $$
  select m.workspace_id, m.role::text
  from public.workspace_members m
  where m.user_id = (select auth.uid()) and private.current_token_id() is null
  union all
  select t.workspace_id, t.role::text
  from public.api_tokens t
  where t.id = private.current_token_id()
    and t.revoked_at is null
    and (t.expires_at is null or t.expires_at > now())
$$;
--> statement-breakpoint
create or replace function private.member_workspace_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select m.workspace_id from private.my_memberships() m
$$;
--> statement-breakpoint
create or replace function private.workspace_ids_with_role(min_role text)
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select m.workspace_id from private.my_memberships() m
  where private.role_rank(m.role) >= private.role_rank(min_role)
$$;
--> statement-breakpoint
revoke all on function private.current_token_id(), private.my_memberships() from public, anon;
--> statement-breakpoint
grant execute on function private.current_token_id(), private.my_memberships() to authenticated, service_role;
--> statement-breakpoint
-- Admins revoke a token (revoked_at) and nothing else: its hash, role and workspace never change,
-- and rows are kept for the audit trail. Use is recorded on the service path.
revoke update, delete on public.api_tokens from authenticated;
--> statement-breakpoint
grant update (revoked_at) on public.api_tokens to authenticated;
