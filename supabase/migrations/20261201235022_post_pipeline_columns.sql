ALTER TABLE "tiktok_posts" ADD COLUMN "last_error_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tiktok_posts" ADD COLUMN "consecutive_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tiktok_slides" ADD COLUMN "source_urls" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "tiktok_slides" ADD COLUMN "failed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tiktok_slides" ADD COLUMN "last_error_code" text;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "post_refresh_days" integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_post_refresh_days_check" CHECK ("workspaces"."post_refresh_days" between 0 and 3650);