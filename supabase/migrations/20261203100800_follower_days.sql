CREATE TABLE "workspace_follower_days" (
	"workspace_id" uuid NOT NULL,
	"date" date NOT NULL,
	"followers" bigint NOT NULL,
	"accounts" integer NOT NULL,
	"approximate" boolean NOT NULL,
	CONSTRAINT "workspace_follower_days_workspace_id_date_pk" PRIMARY KEY("workspace_id","date")
);
--> statement-breakpoint
ALTER TABLE "workspace_follower_days" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "workspace_follower_days" ADD CONSTRAINT "workspace_follower_days_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "workspace_follower_days_select_member" ON "workspace_follower_days" AS PERMISSIVE FOR SELECT TO "authenticated" USING (workspace_id in (select private.member_workspace_ids()));