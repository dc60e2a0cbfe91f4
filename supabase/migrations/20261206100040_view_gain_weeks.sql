CREATE TABLE "tiktok_group_view_gain_weeks" (
	"workspace_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"key" text,
	"week" date NOT NULL,
	"gained" bigint NOT NULL,
	"daily" bigint[] NOT NULL,
	CONSTRAINT "tiktok_group_view_gain_weeks_key" UNIQUE NULLS NOT DISTINCT("workspace_id","dimension","week","key"),
	CONSTRAINT "tiktok_group_view_gain_weeks_dimension_check" CHECK ("tiktok_group_view_gain_weeks"."dimension" in ('va', 'creator', 'set', 'type')),
	CONSTRAINT "tiktok_group_view_gain_weeks_monday" CHECK (extract(isodow from "tiktok_group_view_gain_weeks"."week") = 1)
);
--> statement-breakpoint
ALTER TABLE "tiktok_group_view_gain_weeks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tiktok_group_view_gain_weeks" ADD CONSTRAINT "tiktok_group_view_gain_weeks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "tiktok_group_view_gain_weeks_select_member" ON "tiktok_group_view_gain_weeks" AS PERMISSIVE FOR SELECT TO "authenticated" USING (workspace_id in (select private.member_workspace_ids()));