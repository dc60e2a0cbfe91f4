-- Counters for the rate limiters (rate-limiter-flexible's Drizzle store), shared by every app instance.
-- Private schema and no API-role access: keys hold emails and IP addresses, and a client that could
-- write here could reset its own limit. Only the service path (the connection's owner) touches it.
create table if not exists private.rate_limits (
  key text primary key,
  points integer not null default 0,
  expire timestamptz
);
--> statement-breakpoint
-- The store deletes expired rows every few minutes by this column.
create index if not exists rate_limits_expire_idx on private.rate_limits (expire);
--> statement-breakpoint
-- With row-level security on and no policy, a non-owner sees no row even if a grant slips in later.
alter table private.rate_limits enable row level security;
--> statement-breakpoint
revoke all on private.rate_limits from anon, authenticated;
