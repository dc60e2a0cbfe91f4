CREATE TABLE "tiktok_group_view_gains" (
	"workspace_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"key" text,
	"date" date NOT NULL,
	"gained" bigint NOT NULL,
	"readings" integer NOT NULL,
	CONSTRAINT "tiktok_group_view_gains_key" UNIQUE NULLS NOT DISTINCT("workspace_id","dimension","date","key"),
	CONSTRAINT "tiktok_group_view_gains_dimension_check" CHECK ("tiktok_group_view_gains"."dimension" in ('va', 'creator', 'set', 'type'))
);
--> statement-breakpoint
ALTER TABLE "tiktok_group_view_gains" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tiktok_post_view_gains" (
	"post_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"date" date NOT NULL,
	"gained" bigint,
	CONSTRAINT "tiktok_post_view_gains_post_id_date_pk" PRIMARY KEY("post_id","date")
);
--> statement-breakpoint
ALTER TABLE "tiktok_post_view_gains" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tiktok_group_view_gains" ADD CONSTRAINT "tiktok_group_view_gains_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tiktok_post_view_gains" ADD CONSTRAINT "tiktok_post_view_gains_post_fk" FOREIGN KEY ("post_id","workspace_id") REFERENCES "public"."tiktok_posts"("id","workspace_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "tiktok_group_view_gains_select_member" ON "tiktok_group_view_gains" AS PERMISSIVE FOR SELECT TO "authenticated" USING (workspace_id in (select private.member_workspace_ids()));--> statement-breakpoint
CREATE POLICY "tiktok_post_view_gains_select_member" ON "tiktok_post_view_gains" AS PERMISSIVE FOR SELECT TO "authenticated" USING (workspace_id in (select private.member_workspace_ids()));