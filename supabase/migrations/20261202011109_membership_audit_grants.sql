-- Grants to match the policies dropped in 20261202011108: a policy-less command still fails with
-- 42501 before any policy runs, and the service path (the owner) keeps full access.
-- Members are added only by the service path: invitation acceptance and user:create.
revoke insert on public.workspace_members from authenticated;
--> statement-breakpoint
-- Only the role changes; workspace_id and user_id are the row's identity.
revoke update on public.workspace_members from authenticated;
--> statement-breakpoint
grant update (role) on public.workspace_members to authenticated;
--> statement-breakpoint
-- audit_log is written by the service path alone (lib/services/audit/record-audit.ts).
revoke insert, update, delete on public.audit_log from authenticated;
--> statement-breakpoint
-- The keys cannot change on any path, the service path included: a membership moved to another
-- workspace or user would dodge the last-admin rule and the invitation requirement.
create or replace function private.freeze_membership_keys()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.workspace_id is distinct from old.workspace_id or new.user_id is distinct from old.user_id then
    raise exception 'a membership''s workspace and user cannot change' using errcode = '42501';
  end if;
  return new;
end
$$;
--> statement-breakpoint
revoke all on function private.freeze_membership_keys() from public, anon, authenticated;
--> statement-breakpoint
create trigger workspace_members_freeze_keys before update on public.workspace_members
  for each row execute function private.freeze_membership_keys();
