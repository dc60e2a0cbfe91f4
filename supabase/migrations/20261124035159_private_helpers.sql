-- Security-definer helpers for row-level security, in a schema that the API does not expose.
-- Bodies reference tables created by the next migration, so body checks are deferred.
set check_function_bodies = off;
--> statement-breakpoint
create schema if not exists private;
--> statement-breakpoint
revoke all on schema private from public;
--> statement-breakpoint
grant usage on schema private to authenticated, service_role;
--> statement-breakpoint
create or replace function private.role_rank(role text)
returns integer
language sql
immutable
set search_path = ''
as $$
  select case role when 'admin' then 3 when 'editor' then 2 when 'viewer' then 1 else 0 end
$$;
--> statement-breakpoint
create or replace function private.member_workspace_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select m.workspace_id from public.workspace_members m where m.user_id = (select auth.uid())
$$;
--> statement-breakpoint
create or replace function private.workspace_ids_with_role(min_role text)
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select m.workspace_id
  from public.workspace_members m
  where m.user_id = (select auth.uid())
    and private.role_rank(m.role::text) >= private.role_rank(min_role)
$$;
--> statement-breakpoint
create or replace function private.colleague_user_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select distinct m.user_id
  from public.workspace_members m
  where m.workspace_id in (select private.member_workspace_ids())
$$;
--> statement-breakpoint
revoke all on all functions in schema private from public, anon;
--> statement-breakpoint
grant execute on all functions in schema private to authenticated, service_role;
