-- A group's daily gains in day order: the weekly gains' recompute (migration 20261206100050) reads
-- one group's week, and the trends read the shown groups' days. Before, a leaderboard by set over 90
-- days read 27,000 of these rows by a sequential scan and sorted them by group. Hand-written:
-- drizzle cannot declare INCLUDE columns.
create index if not exists tiktok_group_view_gains_group_idx on public.tiktok_group_view_gains (workspace_id, dimension, key, date) include (gained);
