// First: it installs the AsyncLocalStorage global that Next's modules look for when they load.
import { callRoute, sessionCookie } from "@/tests/http/route-harness";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideConnectionForTests } from "@/lib/db/process-connection";
import { closeRateLimiters } from "@/lib/rate-limit/process-rate-limiters";
import { createIdentity } from "@/lib/services/auth/create-identity";
import { createTestDatabase, type TestDatabase } from "@/tests/db-harness";
import * as meRoute from "./route";

const PASSWORD = "tidal-copper-orchard-9";

describe("DELETE /api/v1/me", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("pglite");
    provideConnectionForTests(db.connection);
    await closeRateLimiters();
  });
  afterAll(async () => {
    await closeRateLimiters();
    await db?.drop();
  });

  const refusal = async (response: Response) => ({ status: response.status, ...((await response.json()) as { code: string; detail: string }) });
  const exists = async (id: string) => (await db.connection.runner.query("select 1 from auth.users where id = $1", [id])).length === 1;
  const remove = async (user: { id: string; email: string }, json: unknown) => callRoute(meRoute.DELETE, "/api/v1/me", {}, { method: "DELETE", cookie: await sessionCookie(user), json });

  it("asks an account with a password for it: missing or wrong keeps the account, right deletes it", async () => {
    const email = `leaving-${randomUUID().slice(0, 8)}@example.test`;
    const user = { id: await createIdentity(db.connection.db, { email, password: PASSWORD, emailVerified: true }), email };
    expect(await refusal(await remove(user, { confirmEmail: email }))).toMatchObject({ status: 400, code: "invalid_input", detail: "Enter your password to delete your account." });
    expect(await refusal(await remove(user, { confirmEmail: email, password: "not-the-password-at-all" }))).toMatchObject({ status: 400, code: "invalid_input", detail: "That password is not right." });
    expect(await refusal(await remove(user, { confirmEmail: "someone@else.test", password: PASSWORD }))).toMatchObject({ status: 400, code: "invalid_input", detail: "Type your email address to confirm." });
    expect(await exists(user.id)).toBe(true);
    expect((await remove(user, { confirmEmail: ` ${email.toUpperCase()} `, password: PASSWORD })).status).toBe(204);
    expect(await exists(user.id)).toBe(false);
  });

  it("counts wrong passwords with the sign-in limit: the 11th try is refused, even with the right one", async () => {
    const email = `guessed-${randomUUID().slice(0, 8)}@example.test`;
    const user = { id: await createIdentity(db.connection.db, { email, password: PASSWORD, emailVerified: true }), email };
    for (let i = 0; i < 10; i++) expect((await remove(user, { confirmEmail: email, password: `wrong-guess-${i}` })).status).toBe(400);
    const locked = await remove(user, { confirmEmail: email, password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await exists(user.id)).toBe(true);
  });

  it("deletes an account that signs in only with Google on the typed email alone", async () => {
    const id = randomUUID();
    const email = `google-${id.slice(0, 8)}@example.test`;
    await db.connection.runner.query("insert into auth.users (id, email) values ($1, $2)", [id, email]);
    expect((await remove({ id, email }, { confirmEmail: email })).status).toBe(204);
    expect(await exists(id)).toBe(false);
  });
});
