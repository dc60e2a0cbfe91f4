CREATE TYPE "public"."health_status" AS ENUM('unknown', 'healthy', 'failing');--> statement-breakpoint
CREATE TYPE "public"."job_status" AS ENUM('queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted');--> statement-breakpoint
CREATE TYPE "public"."job_trigger" AS ENUM('cron', 'manual', 'event');--> statement-breakpoint
CREATE TYPE "public"."member_role" AS ENUM('admin', 'editor', 'viewer');--> statement-breakpoint
CREATE TYPE "public"."platform" AS ENUM('x', 'instagram', 'facebook', 'linkedin', 'youtube', 'truth_social', 'tiktok', 'bluesky', 'threads', 'mastodon');--> statement-breakpoint
CREATE TYPE "public"."post_status" AS ENUM('pending', 'scraping', 'scraped', 'failed', 'skipped');--> statement-breakpoint
CREATE TYPE "public"."snapshot_source" AS ENUM('api', 'html', 'browser');--> statement-breakpoint
CREATE TABLE "account_snapshots" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "account_snapshots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"snapshot_date" date NOT NULL,
	"followers" bigint,
	"following" bigint,
	"posts" bigint,
	"likes" bigint,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"approximate" boolean DEFAULT false NOT NULL,
	"source" "snapshot_source" NOT NULL,
	"scraped_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_snapshots_account_date_key" UNIQUE("account_id","snapshot_date")
);
--> statement-breakpoint
ALTER TABLE "account_snapshots" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"platform" "platform" NOT NULL,
	"handle" text NOT NULL,
	"display_name" text,
	"profile_url" text,
	"organization" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_core" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"health_status" "health_status" DEFAULT 'unknown' NOT NULL,
	"last_error_code" text,
	"last_error_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_workspace_platform_handle_key" UNIQUE("workspace_id","platform","handle"),
	CONSTRAINT "accounts_id_workspace_key" UNIQUE("id","workspace_id")
);
--> statement-breakpoint
ALTER TABLE "accounts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" uuid,
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "job_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" "job_status" DEFAULT 'queued' NOT NULL,
	"trigger" "job_trigger" NOT NULL,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer,
	"counters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	"engine_run_id" text,
	"triggered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "job_runs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"display_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "profiles" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "scraping_logs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scraping_logs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" uuid NOT NULL,
	"job_run_id" uuid,
	"batch_id" text NOT NULL,
	"duration_ms" integer NOT NULL,
	"urls_processed" integer NOT NULL,
	"success_rate" double precision,
	"errors" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scraping_logs_run_batch_key" UNIQUE("job_run_id","batch_id")
);
--> statement-breakpoint
ALTER TABLE "scraping_logs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sheet_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"spreadsheet_id" text NOT NULL,
	"tab" text NOT NULL,
	"header_mapping" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status_values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_synced_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sheet_sources_workspace_sheet_tab_key" UNIQUE("workspace_id","spreadsheet_id","tab")
);
--> statement-breakpoint
ALTER TABLE "sheet_sources" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tiktok_post_stats" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tiktok_post_stats_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"post_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"date" date NOT NULL,
	"views" bigint,
	"likes" bigint,
	"comments" bigint,
	"shares" bigint,
	"saves" bigint,
	CONSTRAINT "tiktok_post_stats_post_date_key" UNIQUE("post_id","date")
);
--> statement-breakpoint
ALTER TABLE "tiktok_post_stats" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tiktok_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"post_id" text NOT NULL,
	"url" text NOT NULL,
	"creator" text,
	"set_id" text,
	"va" text,
	"post_type" text,
	"sheet_source" text,
	"sheet_row" integer,
	"status" "post_status" DEFAULT 'pending' NOT NULL,
	"caption" text,
	"hashtags" text[] DEFAULT '{}'::text[] NOT NULL,
	"mentions" text[] DEFAULT '{}'::text[] NOT NULL,
	"music_id" text,
	"music_title" text,
	"music_author" text,
	"duration_seconds" double precision,
	"posted_at" timestamp with time zone,
	"is_slideshow" boolean,
	"slide_count" integer,
	"author_id" text,
	"author_unique_id" text,
	"author_nickname" text,
	"author_followers" bigint,
	"views" bigint,
	"likes" bigint,
	"comments" bigint,
	"shares" bigint,
	"saves" bigint,
	"first_scraped_at" timestamp with time zone,
	"last_scraped_at" timestamp with time zone,
	"last_error_code" text,
	"last_error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tiktok_posts_workspace_post_key" UNIQUE("workspace_id","post_id"),
	CONSTRAINT "tiktok_posts_id_workspace_key" UNIQUE("id","workspace_id")
);
--> statement-breakpoint
ALTER TABLE "tiktok_posts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tiktok_slides" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tiktok_slides_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"post_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"slide_index" integer NOT NULL,
	"storage_path" text,
	"width" integer,
	"height" integer,
	"bytes" integer,
	"sha256" text,
	"content_type" text,
	"source_url" text,
	"downloaded_at" timestamp with time zone,
	CONSTRAINT "tiktok_slides_post_index_key" UNIQUE("post_id","slide_index")
);
--> statement-breakpoint
ALTER TABLE "tiktok_slides" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "workspace_members" (
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "member_role" DEFAULT 'viewer' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workspace_members_workspace_id_user_id_pk" PRIMARY KEY("workspace_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "workspace_members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "workspaces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workspaces_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "workspaces" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "account_snapshots" ADD CONSTRAINT "account_snapshots_account_fk" FOREIGN KEY ("account_id","workspace_id") REFERENCES "public"."accounts"("id","workspace_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "auth"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_triggered_by_users_id_fk" FOREIGN KEY ("triggered_by") REFERENCES "auth"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scraping_logs" ADD CONSTRAINT "scraping_logs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scraping_logs" ADD CONSTRAINT "scraping_logs_job_run_id_job_runs_id_fk" FOREIGN KEY ("job_run_id") REFERENCES "public"."job_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheet_sources" ADD CONSTRAINT "sheet_sources_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tiktok_post_stats" ADD CONSTRAINT "tiktok_post_stats_post_fk" FOREIGN KEY ("post_id","workspace_id") REFERENCES "public"."tiktok_posts"("id","workspace_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tiktok_posts" ADD CONSTRAINT "tiktok_posts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tiktok_slides" ADD CONSTRAINT "tiktok_slides_post_fk" FOREIGN KEY ("post_id","workspace_id") REFERENCES "public"."tiktok_posts"("id","workspace_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_members" ADD CONSTRAINT "workspace_members_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_members" ADD CONSTRAINT "workspace_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_snapshots_workspace_date_idx" ON "account_snapshots" USING btree ("workspace_id","snapshot_date");--> statement-breakpoint
CREATE INDEX "audit_log_workspace_at_idx" ON "audit_log" USING btree ("workspace_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "job_runs_workspace_created_idx" ON "job_runs" USING btree ("workspace_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "job_runs_status_idx" ON "job_runs" USING btree ("status");--> statement-breakpoint
CREATE INDEX "scraping_logs_workspace_created_idx" ON "scraping_logs" USING btree ("workspace_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tiktok_posts_va_idx" ON "tiktok_posts" USING btree ("workspace_id","va");--> statement-breakpoint
CREATE INDEX "tiktok_posts_creator_idx" ON "tiktok_posts" USING btree ("workspace_id","creator");--> statement-breakpoint
CREATE INDEX "tiktok_posts_set_idx" ON "tiktok_posts" USING btree ("workspace_id","set_id");--> statement-breakpoint
CREATE INDEX "tiktok_posts_posted_at_idx" ON "tiktok_posts" USING btree ("workspace_id","posted_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tiktok_posts_status_idx" ON "tiktok_posts" USING btree ("workspace_id","status");--> statement-breakpoint
CREATE INDEX "workspace_members_user_idx" ON "workspace_members" USING btree ("user_id");--> statement-breakpoint
CREATE POLICY "account_snapshots_select_member" ON "account_snapshots" AS PERMISSIVE FOR SELECT TO "authenticated" USING (workspace_id in (select private.member_workspace_ids()));--> statement-breakpoint
CREATE POLICY "account_snapshots_insert_editor" ON "account_snapshots" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (workspace_id in (select private.workspace_ids_with_role('editor')));--> statement-breakpoint
CREATE POLICY "account_snapshots_update_editor" ON "account_snapshots" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('editor'))) WITH CHECK (workspace_id in (select private.workspace_ids_with_role('editor')));--> statement-breakpoint
CREATE POLICY "account_snapshots_delete_editor" ON "account_snapshots" AS PERMISSIVE FOR DELETE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('editor')));--> statement-breakpoint
CREATE POLICY "accounts_select_member" ON "accounts" AS PERMISSIVE FOR SELECT TO "authenticated" USING (workspace_id in (select private.member_workspace_ids()));--> statement-breakpoint
CREATE POLICY "accounts_insert_editor" ON "accounts" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (workspace_id in (select private.workspace_ids_with_role('editor')));--> statement-breakpoint
CREATE POLICY "accounts_update_editor" ON "accounts" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('editor'))) WITH CHECK (workspace_id in (select private.workspace_ids_with_role('editor')));--> statement-breakpoint
CREATE POLICY "accounts_delete_editor" ON "accounts" AS PERMISSIVE FOR DELETE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('editor')));--> statement-breakpoint
CREATE POLICY "audit_log_select_admin" ON "audit_log" AS PERMISSIVE FOR SELECT TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('admin')));--> statement-breakpoint
CREATE POLICY "audit_log_insert_self" ON "audit_log" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (actor_id = (select auth.uid()) and workspace_id in (select private.member_workspace_ids()));--> statement-breakpoint
CREATE POLICY "job_runs_select_member" ON "job_runs" AS PERMISSIVE FOR SELECT TO "authenticated" USING (workspace_id in (select private.member_workspace_ids()));--> statement-breakpoint
CREATE POLICY "job_runs_insert_editor" ON "job_runs" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (workspace_id in (select private.workspace_ids_with_role('editor')));--> statement-breakpoint
CREATE POLICY "job_runs_update_editor" ON "job_runs" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('editor'))) WITH CHECK (workspace_id in (select private.workspace_ids_with_role('editor')));--> statement-breakpoint
CREATE POLICY "job_runs_delete_editor" ON "job_runs" AS PERMISSIVE FOR DELETE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('editor')));--> statement-breakpoint
CREATE POLICY "profiles_select_colleague" ON "profiles" AS PERMISSIVE FOR SELECT TO "authenticated" USING (user_id = (select auth.uid()) or user_id in (select private.colleague_user_ids()));--> statement-breakpoint
CREATE POLICY "profiles_insert_self" ON "profiles" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (user_id = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "profiles_update_self" ON "profiles" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (user_id = (select auth.uid())) WITH CHECK (user_id = (select auth.uid()));--> statement-breakpoint
CREATE POLICY "scraping_logs_select_member" ON "scraping_logs" AS PERMISSIVE FOR SELECT TO "authenticated" USING (workspace_id in (select private.member_workspace_ids()));--> statement-breakpoint
CREATE POLICY "scraping_logs_insert_editor" ON "scraping_logs" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (workspace_id in (select private.workspace_ids_with_role('editor')));--> statement-breakpoint
CREATE POLICY "scraping_logs_update_editor" ON "scraping_logs" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('editor'))) WITH CHECK (workspace_id in (select private.workspace_ids_with_role('editor')));--> statement-breakpoint
CREATE POLICY "scraping_logs_delete_editor" ON "scraping_logs" AS PERMISSIVE FOR DELETE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('editor')));--> statement-breakpoint
CREATE POLICY "sheet_sources_select_member" ON "sheet_sources" AS PERMISSIVE FOR SELECT TO "authenticated" USING (workspace_id in (select private.member_workspace_ids()));--> statement-breakpoint
CREATE POLICY "sheet_sources_insert_admin" ON "sheet_sources" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (workspace_id in (select private.workspace_ids_with_role('admin')));--> statement-breakpoint
CREATE POLICY "sheet_sources_update_admin" ON "sheet_sources" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('admin'))) WITH CHECK (workspace_id in (select private.workspace_ids_with_role('admin')));--> statement-breakpoint
CREATE POLICY "sheet_sources_delete_admin" ON "sheet_sources" AS PERMISSIVE FOR DELETE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('admin')));--> statement-breakpoint
CREATE POLICY "tiktok_post_stats_select_member" ON "tiktok_post_stats" AS PERMISSIVE FOR SELECT TO "authenticated" USING (workspace_id in (select private.member_workspace_ids()));--> statement-breakpoint
CREATE POLICY "tiktok_post_stats_insert_editor" ON "tiktok_post_stats" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (workspace_id in (select private.workspace_ids_with_role('editor')));--> statement-breakpoint
CREATE POLICY "tiktok_post_stats_update_editor" ON "tiktok_post_stats" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('editor'))) WITH CHECK (workspace_id in (select private.workspace_ids_with_role('editor')));--> statement-breakpoint
CREATE POLICY "tiktok_post_stats_delete_editor" ON "tiktok_post_stats" AS PERMISSIVE FOR DELETE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('editor')));--> statement-breakpoint
CREATE POLICY "tiktok_posts_select_member" ON "tiktok_posts" AS PERMISSIVE FOR SELECT TO "authenticated" USING (workspace_id in (select private.member_workspace_ids()));--> statement-breakpoint
CREATE POLICY "tiktok_posts_insert_editor" ON "tiktok_posts" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (workspace_id in (select private.workspace_ids_with_role('editor')));--> statement-breakpoint
CREATE POLICY "tiktok_posts_update_editor" ON "tiktok_posts" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('editor'))) WITH CHECK (workspace_id in (select private.workspace_ids_with_role('editor')));--> statement-breakpoint
CREATE POLICY "tiktok_posts_delete_editor" ON "tiktok_posts" AS PERMISSIVE FOR DELETE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('editor')));--> statement-breakpoint
CREATE POLICY "tiktok_slides_select_member" ON "tiktok_slides" AS PERMISSIVE FOR SELECT TO "authenticated" USING (workspace_id in (select private.member_workspace_ids()));--> statement-breakpoint
CREATE POLICY "tiktok_slides_insert_editor" ON "tiktok_slides" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (workspace_id in (select private.workspace_ids_with_role('editor')));--> statement-breakpoint
CREATE POLICY "tiktok_slides_update_editor" ON "tiktok_slides" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('editor'))) WITH CHECK (workspace_id in (select private.workspace_ids_with_role('editor')));--> statement-breakpoint
CREATE POLICY "tiktok_slides_delete_editor" ON "tiktok_slides" AS PERMISSIVE FOR DELETE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('editor')));--> statement-breakpoint
CREATE POLICY "workspace_members_select_member" ON "workspace_members" AS PERMISSIVE FOR SELECT TO "authenticated" USING (workspace_id in (select private.member_workspace_ids()));--> statement-breakpoint
CREATE POLICY "workspace_members_insert_admin" ON "workspace_members" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (workspace_id in (select private.workspace_ids_with_role('admin')));--> statement-breakpoint
CREATE POLICY "workspace_members_update_admin" ON "workspace_members" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('admin'))) WITH CHECK (workspace_id in (select private.workspace_ids_with_role('admin')));--> statement-breakpoint
CREATE POLICY "workspace_members_delete_admin" ON "workspace_members" AS PERMISSIVE FOR DELETE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('admin')));--> statement-breakpoint
CREATE POLICY "workspaces_select_member" ON "workspaces" AS PERMISSIVE FOR SELECT TO "authenticated" USING (id in (select private.member_workspace_ids()));--> statement-breakpoint
CREATE POLICY "workspaces_update_admin" ON "workspaces" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (id in (select private.workspace_ids_with_role('admin'))) WITH CHECK (id in (select private.workspace_ids_with_role('admin')));