ALTER TABLE "scraping_logs" ADD COLUMN "platform" "platform";--> statement-breakpoint
ALTER TABLE "scraping_logs" ADD COLUMN "scrape_ms" integer[] DEFAULT '{}'::integer[] NOT NULL;