CREATE TABLE "tiktok_group_period_medians" (
	"workspace_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"key" text,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"median_views" double precision,
	CONSTRAINT "tiktok_group_period_medians_key" UNIQUE NULLS NOT DISTINCT("workspace_id","dimension","key","period_from","period_to"),
	CONSTRAINT "tiktok_group_period_medians_dimension_check" CHECK ("tiktok_group_period_medians"."dimension" in ('va', 'creator', 'set', 'type', 'slides')),
	CONSTRAINT "tiktok_group_period_medians_period_check" CHECK ("tiktok_group_period_medians"."period_from" <= "tiktok_group_period_medians"."period_to")
);
--> statement-breakpoint
ALTER TABLE "tiktok_group_period_medians" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tiktok_group_period_medians" ADD CONSTRAINT "tiktok_group_period_medians_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "tiktok_group_period_medians_select_member" ON "tiktok_group_period_medians" AS PERMISSIVE FOR SELECT TO "authenticated" USING (workspace_id in (select private.member_workspace_ids()));