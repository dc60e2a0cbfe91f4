-- The trends sum every group's gains over a period (by set over 90 days: 27,000 rows): an index-only
-- scan of the period instead of a sequential scan of the table. Hand-written: drizzle cannot declare
-- INCLUDE columns, so the index is not in lib/db/schema.ts.
create index if not exists tiktok_group_view_gains_period_idx on public.tiktok_group_view_gains (workspace_id, dimension, date) include (key, gained);
