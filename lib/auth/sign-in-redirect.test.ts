import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIdentity } from "@/lib/services/auth/create-identity";
import { AUTH_ORIGIN, createAuthApp } from "@/tests/auth-harness";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";

const PASSWORD = "tidal-copper-orchard-9";
const TARGETS = ["//evil.com", "/\\evil.com", "/.//evil.com", "/%2e//evil.com", "https:evil.com", "https://evil.com/x", "/\t/evil.com", `${AUTH_ORIGIN}.evil.com/`];

describe.each(ENGINES)("next-auth's redirect after sign-in on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await createIdentity(db.connection.db, { email: "redirect@example.test", password: PASSWORD, emailVerified: true });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it.each(TARGETS)("a callbackUrl of %j lands on this origin", async (target) => {
    const app = createAuthApp(db);
    const body = new URLSearchParams({ email: "redirect@example.test", password: PASSWORD, csrfToken: "__csrf__", json: "true", callbackUrl: target });
    const result = await app.signIn("redirect@example.test", PASSWORD, { body: body.toString() });
    expect(result.status).toBe(200);
    const { url } = (await result.response.json()) as { url: string };
    expect(new URL(url).origin).toBe(AUTH_ORIGIN);
    expect(new URL(url).pathname).not.toMatch(/^\/[/\\]/);
  });

  it("with an https app URL the session cookie is __Secure-, Secure, HttpOnly and SameSite=Lax", async () => {
    const app = createAuthApp(db, { useSecureCookies: true });
    const result = await app.signIn("redirect@example.test", PASSWORD);
    const cookie = result.response.headers.getSetCookie().find((entry) => entry.startsWith("__Secure-next-auth.session-token="));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
  });

  it("keeps a same-site callbackUrl", async () => {
    const app = createAuthApp(db);
    const body = new URLSearchParams({ email: "redirect@example.test", password: PASSWORD, csrfToken: "__csrf__", json: "true", callbackUrl: "/demo/accounts?x=1" });
    const result = await app.signIn("redirect@example.test", PASSWORD, { body: body.toString() });
    expect(((await result.response.json()) as { url: string }).url).toBe(`${AUTH_ORIGIN}/demo/accounts?x=1`);
  });
});
