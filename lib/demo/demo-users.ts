import bcrypt from "bcryptjs";
import type { Role } from "@/lib/domain/roles";
import type { SqlRunner } from "@/lib/db/sql-runner";
import { insertRecords } from "./bulk-insert";
import { demoUuid } from "./random";
import { env } from "@/lib/env";

export interface DemoUser {
  email: string;
  password: string;
  role: Role;
  displayName: string;
}

/** Public on purpose: the README lists them and the seed prints them. Embedded mode only. */
export const DEMO_USERS = [
  { email: "admin@reach.demo", password: "reach-demo-admin", role: "admin", displayName: "Ada Admin" },
  { email: "editor@reach.demo", password: "reach-demo-editor", role: "editor", displayName: "Eddie Editor" },
  { email: "viewer@reach.demo", password: "reach-demo-viewer", role: "viewer", displayName: "Vera Viewer" },
] as const satisfies readonly DemoUser[];

/** The admin of the second workspace, "acme": an outsider to "demo" for cross-workspace checks. */
export const ACME_USER = {
  email: "owner@acme.demo",
  password: "reach-demo-acme",
  role: "admin",
  displayName: "Otto Owner",
} as const satisfies DemoUser;

/**
 * Creates the users that are missing (by email, case-insensitively) and returns every user's id.
 * Existing users keep their ids and passwords, so memberships can point at them.
 */
export async function ensureUsers(runner: SqlRunner, users: readonly DemoUser[], now: Date): Promise<Map<string, string>> {
  const emails = users.map((user) => user.email.toLowerCase());
  const existing = await runner.query<{ id: string; email: string }>(
    "select id, lower(email) as email from auth.users where lower(email) = any($1::text[])",
    [emails],
  );
  const ids = new Map(existing.map((row) => [row.email, row.id]));
  const missing = users.filter((user) => !ids.has(user.email.toLowerCase()));
  // Hashes use a random salt like any bcrypt hash: the one column that differs between two seeds.
  const rows = await Promise.all(
    missing.map(async (user) => ({
      id: demoUuid("user", user.email),
      email: user.email,
      encrypted_password: await bcrypt.hash(user.password, env.BCRYPT_COST),
      aud: "authenticated",
      role: "authenticated",
      email_confirmed_at: now.toISOString(),
      raw_app_meta_data: { provider: "email", providers: ["email"] },
      raw_user_meta_data: { display_name: user.displayName },
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })),
  );
  await insertRecords(runner, "auth.users", {
    id: "uuid",
    email: "text",
    encrypted_password: "text",
    aud: "text",
    role: "text",
    email_confirmed_at: "timestamptz",
    raw_app_meta_data: "jsonb",
    raw_user_meta_data: "jsonb",
    created_at: "timestamptz",
    updated_at: "timestamptz",
  }, rows);
  for (const row of rows) ids.set(row.email.toLowerCase(), row.id);
  await insertRecords(
    runner,
    "profiles",
    { user_id: "uuid", display_name: "text" },
    users.map((user) => ({ user_id: ids.get(user.email.toLowerCase()), display_name: user.displayName })),
    { onConflict: "on conflict (user_id) do nothing" },
  );
  return ids;
}
