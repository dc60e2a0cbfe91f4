CREATE TABLE "tiktok_group_posted_weeks" (
	"workspace_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"key" text,
	"week" date NOT NULL,
	"posts" integer NOT NULL,
	"slideshows" integer NOT NULL,
	"videos" integer NOT NULL,
	"views" bigint NOT NULL,
	"view_list" bigint[] NOT NULL,
	"engagement_sum" double precision NOT NULL,
	"engagement_posts" integer NOT NULL,
	"top_id" uuid,
	"top_views" bigint,
	CONSTRAINT "tiktok_group_posted_weeks_key" UNIQUE NULLS NOT DISTINCT("workspace_id","dimension","week","key"),
	CONSTRAINT "tiktok_group_posted_weeks_dimension_check" CHECK ("tiktok_group_posted_weeks"."dimension" in ('va', 'creator', 'set')),
	CONSTRAINT "tiktok_group_posted_weeks_monday" CHECK (extract(isodow from "tiktok_group_posted_weeks"."week") = 1)
);
--> statement-breakpoint
ALTER TABLE "tiktok_group_posted_weeks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tiktok_group_posted_weeks" ADD CONSTRAINT "tiktok_group_posted_weeks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tiktok_group_posted_days_group_idx" ON "tiktok_group_posted_days" USING btree ("workspace_id","dimension","key","date");--> statement-breakpoint
CREATE POLICY "tiktok_group_posted_weeks_select_member" ON "tiktok_group_posted_weeks" AS PERMISSIVE FOR SELECT TO "authenticated" USING (workspace_id in (select private.member_workspace_ids()));