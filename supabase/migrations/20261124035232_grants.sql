-- Explicit privileges: policies filter rows, grants decide which statements may run at all.
-- anon may select (and sees nothing, since every policy is for authenticated).
grant usage on schema public to anon, authenticated, service_role;
--> statement-breakpoint
revoke all on all tables in schema public from anon, authenticated;
--> statement-breakpoint
grant select on all tables in schema public to anon;
--> statement-breakpoint
grant select, insert, update, delete on all tables in schema public to authenticated;
--> statement-breakpoint
grant all on all tables in schema public to service_role;
--> statement-breakpoint
grant usage, select on all sequences in schema public to authenticated, service_role;
--> statement-breakpoint
-- Tables added by later migrations get the same privileges.
alter default privileges in schema public grant select on tables to anon;
--> statement-breakpoint
alter default privileges in schema public grant select, insert, update, delete on tables to authenticated;
--> statement-breakpoint
alter default privileges in schema public grant all on tables to service_role;
--> statement-breakpoint
alter default privileges in schema public grant usage, select on sequences to authenticated, service_role;
