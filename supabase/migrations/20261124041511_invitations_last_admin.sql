CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" "member_role" NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "auth"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "auth"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invitations_workspace_idx" ON "invitations" USING btree ("workspace_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE POLICY "invitations_select_admin" ON "invitations" AS PERMISSIVE FOR SELECT TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('admin')));--> statement-breakpoint
CREATE POLICY "invitations_insert_admin" ON "invitations" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (workspace_id in (select private.workspace_ids_with_role('admin')));--> statement-breakpoint
CREATE POLICY "invitations_update_admin" ON "invitations" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('admin'))) WITH CHECK (workspace_id in (select private.workspace_ids_with_role('admin')));--> statement-breakpoint
CREATE POLICY "invitations_delete_admin" ON "invitations" AS PERMISSIVE FOR DELETE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('admin')));--> statement-breakpoint
-- A workspace always keeps an admin: refuse demoting or removing the last one, whoever asks.
-- Cascades from deleting the workspace or the user are let through (the row is already gone).
create or replace function private.keep_last_admin()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if old.role <> 'admin' or (tg_op = 'UPDATE' and new.role = 'admin') then
    return coalesce(new, old);
  end if;
  if not exists (select 1 from public.workspaces w where w.id = old.workspace_id)
     or not exists (select 1 from auth.users u where u.id = old.user_id) then
    return coalesce(new, old);
  end if;
  perform 1 from public.workspace_members m
    where m.workspace_id = old.workspace_id and m.role = 'admin' for update;
  if not exists (
    select 1 from public.workspace_members m
    where m.workspace_id = old.workspace_id and m.role = 'admin' and m.user_id <> old.user_id
  ) then
    raise exception 'a workspace needs at least one admin' using errcode = 'P0001', hint = 'last_admin';
  end if;
  return coalesce(new, old);
end
$$;
--> statement-breakpoint
revoke all on function private.keep_last_admin() from public, anon, authenticated;
--> statement-breakpoint
create trigger workspace_members_keep_last_admin before update or delete on public.workspace_members
  for each row execute function private.keep_last_admin();
