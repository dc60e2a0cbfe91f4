ALTER TABLE "tiktok_posts" ADD COLUMN "engagement_rate" double precision GENERATED ALWAYS AS (case when views > 0 and likes is not null and comments is not null and shares is not null and saves is not null
        then (likes + comments + shares + saves)::double precision / views end) STORED;--> statement-breakpoint
ALTER TABLE "tiktok_posts" ADD COLUMN "stats_date" date;--> statement-breakpoint
ALTER TABLE "tiktok_posts" ADD COLUMN "views_gained_1d" bigint;--> statement-breakpoint
ALTER TABLE "tiktok_posts" ADD COLUMN "views_gained_7d" bigint;--> statement-breakpoint
CREATE INDEX "tiktok_post_stats_workspace_date_idx" ON "tiktok_post_stats" USING btree ("workspace_id","date");--> statement-breakpoint
CREATE INDEX "tiktok_posts_explore_posted_idx" ON "tiktok_posts" USING btree ("workspace_id",coalesce("posted_at", '-infinity'::timestamptz) desc,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tiktok_posts_explore_views_idx" ON "tiktok_posts" USING btree ("workspace_id",coalesce("views", -1) desc,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tiktok_posts_explore_likes_idx" ON "tiktok_posts" USING btree ("workspace_id",coalesce("likes", -1) desc,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tiktok_posts_explore_engagement_idx" ON "tiktok_posts" USING btree ("workspace_id",coalesce("engagement_rate", -1) desc,"id" DESC NULLS LAST);