CREATE TABLE "alert_mutes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"rule_id" uuid NOT NULL,
	"subject_type" text,
	"subject_id" text,
	"until" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alert_mutes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "alert_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"endpoint_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_rules_id_workspace_key" UNIQUE("id","workspace_id")
);
--> statement-breakpoint
ALTER TABLE "alert_rules" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"rule_id" uuid NOT NULL,
	"rule_kind" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"subject_label" text NOT NULL,
	"link" text NOT NULL,
	"day" date NOT NULL,
	"title" text NOT NULL,
	"message" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alerts_rule_subject_day_key" UNIQUE("rule_id","subject_type","subject_id","day")
);
--> statement-breakpoint
ALTER TABLE "alerts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"endpoint_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"event_type" text NOT NULL,
	"dedup_key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"response_status" integer,
	"last_error" text,
	"next_attempt_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "deliveries_endpoint_dedup_key" UNIQUE("endpoint_id","dedup_key"),
	CONSTRAINT "deliveries_status_check" CHECK ("deliveries"."status" in ('pending', 'succeeded', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "deliveries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "delivery_endpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"target" text NOT NULL,
	"events" text[] DEFAULT '{}'::text[] NOT NULL,
	"secret_sealed" text,
	"digest" boolean DEFAULT false NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"disabled_reason" text,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivery_endpoints_id_workspace_key" UNIQUE("id","workspace_id"),
	CONSTRAINT "delivery_endpoints_purpose_check" CHECK ("delivery_endpoints"."purpose" in ('webhook', 'alert')),
	CONSTRAINT "delivery_endpoints_kind_check" CHECK ("delivery_endpoints"."kind" in ('webhook', 'slack', 'email') and ("delivery_endpoints"."purpose" = 'alert' or "delivery_endpoints"."kind" = 'webhook'))
);
--> statement-breakpoint
ALTER TABLE "delivery_endpoints" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "alert_mutes" ADD CONSTRAINT "alert_mutes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "auth"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_mutes" ADD CONSTRAINT "alert_mutes_rule_fk" FOREIGN KEY ("rule_id","workspace_id") REFERENCES "public"."alert_rules"("id","workspace_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "auth"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_rule_fk" FOREIGN KEY ("rule_id","workspace_id") REFERENCES "public"."alert_rules"("id","workspace_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_endpoint_fk" FOREIGN KEY ("endpoint_id","workspace_id") REFERENCES "public"."delivery_endpoints"("id","workspace_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_endpoints" ADD CONSTRAINT "delivery_endpoints_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_endpoints" ADD CONSTRAINT "delivery_endpoints_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "auth"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_mutes_rule_idx" ON "alert_mutes" USING btree ("rule_id","until");--> statement-breakpoint
CREATE INDEX "alert_rules_workspace_idx" ON "alert_rules" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "alerts_workspace_created_idx" ON "alerts" USING btree ("workspace_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "deliveries_workspace_created_idx" ON "deliveries" USING btree ("workspace_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "deliveries_pending_idx" ON "deliveries" USING btree ("next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "delivery_endpoints_workspace_idx" ON "delivery_endpoints" USING btree ("workspace_id","purpose");--> statement-breakpoint
CREATE POLICY "alert_mutes_select_member" ON "alert_mutes" AS PERMISSIVE FOR SELECT TO "authenticated" USING (workspace_id in (select private.member_workspace_ids()));--> statement-breakpoint
CREATE POLICY "alert_mutes_insert_editor" ON "alert_mutes" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (workspace_id in (select private.workspace_ids_with_role('editor')));--> statement-breakpoint
CREATE POLICY "alert_mutes_update_editor" ON "alert_mutes" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('editor'))) WITH CHECK (workspace_id in (select private.workspace_ids_with_role('editor')));--> statement-breakpoint
CREATE POLICY "alert_mutes_delete_editor" ON "alert_mutes" AS PERMISSIVE FOR DELETE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('editor')));--> statement-breakpoint
CREATE POLICY "alert_rules_select_member" ON "alert_rules" AS PERMISSIVE FOR SELECT TO "authenticated" USING (workspace_id in (select private.member_workspace_ids()));--> statement-breakpoint
CREATE POLICY "alert_rules_insert_editor" ON "alert_rules" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (workspace_id in (select private.workspace_ids_with_role('editor')));--> statement-breakpoint
CREATE POLICY "alert_rules_update_editor" ON "alert_rules" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('editor'))) WITH CHECK (workspace_id in (select private.workspace_ids_with_role('editor')));--> statement-breakpoint
CREATE POLICY "alert_rules_delete_editor" ON "alert_rules" AS PERMISSIVE FOR DELETE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('editor')));--> statement-breakpoint
CREATE POLICY "alerts_select_member" ON "alerts" AS PERMISSIVE FOR SELECT TO "authenticated" USING (workspace_id in (select private.member_workspace_ids()));--> statement-breakpoint
CREATE POLICY "deliveries_select_manager" ON "deliveries" AS PERMISSIVE FOR SELECT TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('admin')) or (purpose = 'alert' and workspace_id in (select private.workspace_ids_with_role('editor'))));--> statement-breakpoint
CREATE POLICY "deliveries_insert_manager" ON "deliveries" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (workspace_id in (select private.workspace_ids_with_role('admin')) or (purpose = 'alert' and workspace_id in (select private.workspace_ids_with_role('editor'))));--> statement-breakpoint
CREATE POLICY "delivery_endpoints_select_manager" ON "delivery_endpoints" AS PERMISSIVE FOR SELECT TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('admin')) or (purpose = 'alert' and workspace_id in (select private.workspace_ids_with_role('editor'))));--> statement-breakpoint
CREATE POLICY "delivery_endpoints_insert_manager" ON "delivery_endpoints" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK (workspace_id in (select private.workspace_ids_with_role('admin')) or (purpose = 'alert' and workspace_id in (select private.workspace_ids_with_role('editor'))));--> statement-breakpoint
CREATE POLICY "delivery_endpoints_update_manager" ON "delivery_endpoints" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('admin')) or (purpose = 'alert' and workspace_id in (select private.workspace_ids_with_role('editor')))) WITH CHECK (workspace_id in (select private.workspace_ids_with_role('admin')) or (purpose = 'alert' and workspace_id in (select private.workspace_ids_with_role('editor'))));--> statement-breakpoint
CREATE POLICY "delivery_endpoints_delete_manager" ON "delivery_endpoints" AS PERMISSIVE FOR DELETE TO "authenticated" USING (workspace_id in (select private.workspace_ids_with_role('admin')) or (purpose = 'alert' and workspace_id in (select private.workspace_ids_with_role('editor'))));