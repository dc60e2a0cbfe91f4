-- Concatenates arrays across rows: the leaderboards gather each group's views values from its posted
-- days in one pass (tiktok_group_posted_days.view_list) and sort them once per group for the median,
-- instead of unnesting every day's list into rows. No data access; members may call it.
create or replace aggregate private.array_cat_agg(anycompatiblearray) (sfunc = array_cat, stype = anycompatiblearray, initcond = '{}');
--> statement-breakpoint
revoke all on function private.array_cat_agg(anycompatiblearray) from public, anon;
--> statement-breakpoint
grant execute on function private.array_cat_agg(anycompatiblearray) to authenticated, service_role;
