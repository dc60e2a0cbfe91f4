CREATE TABLE "tiktok_group_posted_days" (
	"workspace_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"key" text,
	"date" date NOT NULL,
	"posts" integer NOT NULL,
	"slideshows" integer NOT NULL,
	"videos" integer NOT NULL,
	"views" bigint NOT NULL,
	"view_list" bigint[] NOT NULL,
	"engagement_sum" double precision NOT NULL,
	"engagement_posts" integer NOT NULL,
	"top_id" uuid,
	"top_views" bigint,
	CONSTRAINT "tiktok_group_posted_days_key" UNIQUE NULLS NOT DISTINCT("workspace_id","dimension","date","key"),
	CONSTRAINT "tiktok_group_posted_days_dimension_check" CHECK ("tiktok_group_posted_days"."dimension" in ('va', 'creator', 'set', 'type', 'slides'))
);
--> statement-breakpoint
ALTER TABLE "tiktok_group_posted_days" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tiktok_group_posted_days" ADD CONSTRAINT "tiktok_group_posted_days_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "tiktok_group_posted_days_select_member" ON "tiktok_group_posted_days" AS PERMISSIVE FOR SELECT TO "authenticated" USING (workspace_id in (select private.member_workspace_ids()));