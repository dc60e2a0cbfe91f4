CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" "member_role" NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"last_used_from" text,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "api_tokens_role_check" CHECK ("api_tokens"."role" in ('viewer', 'editor')),
	CONSTRAINT "api_tokens_name_check" CHECK (char_length("api_tokens"."name") between 1 and 100)
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "actor_token_id" uuid;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "auth"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_workspace_idx" ON "api_tokens" USING btree ("workspace_id","created_at" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_token_id_api_tokens_id_fk" FOREIGN KEY ("actor_token_id") REFERENCES "public"."api_tokens"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "api_tokens_select_admin" ON "api_tokens" AS PERMISSIVE FOR SELECT TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('admin')));--> statement-breakpoint
CREATE POLICY "api_tokens_insert_admin" ON "api_tokens" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (workspace_id in (select private.workspace_ids_with_role('admin')));--> statement-breakpoint
CREATE POLICY "api_tokens_update_admin" ON "api_tokens" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('admin'))) WITH CHECK (workspace_id in (select private.workspace_ids_with_role('admin')));--> statement-breakpoint
CREATE POLICY "api_tokens_delete_admin" ON "api_tokens" AS PERMISSIVE FOR DELETE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('admin')));