-- Single-use, short-lived password reset tokens: only a SHA-256 of each is stored. issued_by is
-- null for a link emailed to the user, or the admin who was shown it (embedded mode).
-- Private schema, service path only.
create table if not exists private.password_resets (
  token_hash text primary key,
  user_id uuid not null,
  issued_by uuid,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
--> statement-breakpoint
create index if not exists password_resets_user_idx on private.password_resets (user_id);
--> statement-breakpoint
alter table private.password_resets enable row level security;
--> statement-breakpoint
revoke all on private.password_resets from anon, authenticated;
