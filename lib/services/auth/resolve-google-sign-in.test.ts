import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveGoogleSignIn } from "@/lib/services/auth/resolve-google-sign-in";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";

describe.each(ENGINES)("Google sign-in on %s", (engine) => {
  let db: TestDatabase;
  const ws = randomUUID();
  const known = randomUUID();
  const planted = randomUUID();
  const run = (text: string, params: unknown[] = []) => db.connection.runner.query(text, params);
  const google = (email: string, extra: Partial<{ emailVerified: boolean; allowedDomains: string[] }> = {}) =>
    resolveGoogleSignIn(db.connection.db, { email, emailVerified: true, allowedDomains: [], ...extra });

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await run("insert into auth.users (id, email, email_confirmed_at) values ($1, 'known@agency.org', now()), ($2, 'planted@agency.org', null)", [known, planted]);
    await run("insert into workspaces (id, slug, name) values ($1, 'w', 'W')", [ws]);
    await run(
      `insert into invitations (workspace_id, email, role, token_hash, expires_at) values
       ($1, 'invited@agency.org', 'editor', 'h1', now() + interval '1 day'),
       ($1, 'late@agency.org', 'viewer', 'h2', now() - interval '1 second')`,
      [ws],
    );
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("signs in a known user by email, whatever the case", async () => {
    expect(await google("Known@Agency.org")).toEqual({ ok: true, userId: known });
  });

  it("never links to an account whose address was not verified (one planted from an invitation link)", async () => {
    expect(await google("planted@agency.org")).toEqual({ ok: false, reason: "unverified_account" });
  });

  it("refuses a first sign-in with no invitation, an expired one, an unverified email or another domain", async () => {
    expect(await google("stranger@agency.org")).toEqual({ ok: false, reason: "no_invitation" });
    expect(await google("late@agency.org")).toEqual({ ok: false, reason: "no_invitation" });
    expect(await google("invited@agency.org", { emailVerified: false })).toEqual({ ok: false, reason: "unverified" });
    expect(await google("known@elsewhere.com", { allowedDomains: ["agency.org"] })).toEqual({ ok: false, reason: "domain" });
    expect(await run("select 1 from auth.users where email in ('stranger@agency.org', 'late@agency.org')")).toEqual([]);
  });

  it("creates an invited user without a password and joins the workspace once", async () => {
    const first = await google("invited@agency.org", { allowedDomains: ["agency.org"] });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(await run("select encrypted_password from auth.users where id = $1", [first.userId])).toEqual([{ encrypted_password: null }]);
    expect(await run("select role::text as role from workspace_members where user_id = $1", [first.userId])).toEqual([{ role: "editor" }]);
    expect(await google("invited@agency.org")).toEqual({ ok: true, userId: first.userId });
    expect(await run("select count(*)::int as n from invitations where accepted_by = $1", [first.userId])).toEqual([{ n: 1 }]);
  });
});
