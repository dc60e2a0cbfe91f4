CREATE TABLE "tiktok_post_counts" (
	"workspace_id" uuid NOT NULL,
	"status" "post_status" NOT NULL,
	"stats_date" date,
	"posts" integer NOT NULL,
	"gained_1d" bigint NOT NULL,
	CONSTRAINT "tiktok_post_counts_key" UNIQUE NULLS NOT DISTINCT("workspace_id","status","stats_date")
);
--> statement-breakpoint
ALTER TABLE "tiktok_post_counts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tiktok_post_counts" ADD CONSTRAINT "tiktok_post_counts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tiktok_posts_failed_idx" ON "tiktok_posts" USING btree ("workspace_id","last_error_at" DESC NULLS LAST,"id") WHERE status = 'failed';--> statement-breakpoint
CREATE POLICY "tiktok_post_counts_select_member" ON "tiktok_post_counts" AS PERMISSIVE FOR SELECT TO "authenticated" USING (workspace_id in (select private.member_workspace_ids()));