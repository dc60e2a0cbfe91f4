-- The explorer's sorts on the 24-hour and 7-day gains counted a gain only from yesterday's stats day
-- on, so no index matched and every request sorted the workspace's posts (161 ms p95 at 100,000).
-- One walk per fresh stats day on these indexes, merged, reads only the page. The new 24-hour index
-- leads with the columns of tiktok_posts_stats_date_idx, so it serves that one's readers too.
DROP INDEX "tiktok_posts_stats_date_idx";--> statement-breakpoint
CREATE INDEX "tiktok_posts_explore_gained_1d_idx" ON "tiktok_posts" USING btree ("workspace_id","stats_date","views_gained_1d" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tiktok_posts_explore_gained_7d_idx" ON "tiktok_posts" USING btree ("workspace_id","stats_date","views_gained_7d" DESC NULLS LAST,"id" DESC NULLS LAST);
