ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_id_workspace_key" UNIQUE("id","workspace_id");--> statement-breakpoint
-- A log filed under another workspace than its run's could only come from a forged insert.
DELETE FROM "scraping_logs" l USING "job_runs" r WHERE l."job_run_id" = r."id" AND l."workspace_id" <> r."workspace_id";--> statement-breakpoint
ALTER TABLE "scraping_logs" DROP CONSTRAINT "scraping_logs_job_run_id_job_runs_id_fk";
--> statement-breakpoint
ALTER TABLE "scraping_logs" ADD CONSTRAINT "scraping_logs_run_fk" FOREIGN KEY ("job_run_id","workspace_id") REFERENCES "public"."job_runs"("id","workspace_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
DROP POLICY "audit_log_insert_self" ON "audit_log" CASCADE;--> statement-breakpoint
DROP POLICY "workspace_members_insert_admin" ON "workspace_members" CASCADE;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "emailed" boolean DEFAULT false NOT NULL;
