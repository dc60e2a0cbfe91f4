-- TOTP second factor. The secret is stored encrypted (AES-256-GCM, key derived from NEXTAUTH_SECRET),
-- with the last accepted time step so no code is accepted twice; recovery codes as SHA-256, single use.
-- Private schema, service path only; a user reads whether their own factor is on through the function below.
create table if not exists private.user_totp (
  user_id uuid primary key references auth.users (id) on delete cascade,
  secret_ciphertext text not null,
  enabled_at timestamptz,
  last_used_step bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
--> statement-breakpoint
create table if not exists private.totp_recovery_codes (
  user_id uuid not null references auth.users (id) on delete cascade,
  code_hash text not null,
  used_at timestamptz,
  primary key (user_id, code_hash)
);
--> statement-breakpoint
alter table private.user_totp enable row level security;
--> statement-breakpoint
alter table private.totp_recovery_codes enable row level security;
--> statement-breakpoint
revoke all on private.user_totp, private.totp_recovery_codes from anon, authenticated;
--> statement-breakpoint
-- Workspace pages and routes ask this inside the user's RLS transaction; it answers only for the caller.
create or replace function private.my_two_factor_enabled()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from private.user_totp t where t.user_id = (select auth.uid()) and t.enabled_at is not null)
$$;
--> statement-breakpoint
revoke all on function private.my_two_factor_enabled() from public, anon;
--> statement-breakpoint
grant execute on function private.my_two_factor_enabled() to authenticated;
