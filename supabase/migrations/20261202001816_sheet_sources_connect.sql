ALTER TABLE "sheet_sources" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "sheet_sources" ADD COLUMN "headers" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "sheet_sources" ADD COLUMN "service_account_email" text;--> statement-breakpoint
ALTER TABLE "sheet_sources" ADD COLUMN "last_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sheet_sources" ADD COLUMN "last_error" text;