CREATE INDEX "tiktok_posts_created_idx" ON "tiktok_posts" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "tiktok_posts_last_error_idx" ON "tiktok_posts" USING btree ("workspace_id","last_error_at");--> statement-breakpoint
CREATE INDEX "tiktok_posts_stats_date_idx" ON "tiktok_posts" USING btree ("workspace_id","stats_date","views_gained_1d");--> statement-breakpoint
CREATE INDEX "tiktok_posts_gained_7d_idx" ON "tiktok_posts" USING btree ("workspace_id","views_gained_7d" DESC NULLS LAST,"id");