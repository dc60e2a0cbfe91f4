import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { TOTP_REQUIRED_ERROR } from "@/lib/domain/sign-in-errors";
import { createIdentity } from "@/lib/services/auth/create-identity";
import { confirmTwoFactor } from "@/lib/services/two-factor/confirm-two-factor";
import { disableTwoFactor } from "@/lib/services/two-factor/disable-two-factor";
import { startTwoFactorEnrolment } from "@/lib/services/two-factor/start-two-factor-enrolment";
import { createAuthApp } from "@/tests/auth-harness";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";
import { BASE_EPOCH, codeAt, setClock, wrongCodeAt } from "@/tests/totp-clock";

const PASSWORD = "tidal-copper-orchard-9";
const withCode = (email: string, password: string, code: string) =>
  new URLSearchParams({ email, password, code, csrfToken: "__csrf__", json: "true" }).toString();
const errorOf = async (response: Response) => new URL(((await response.json()) as { url: string }).url).searchParams.get("error");

describe.each(ENGINES)("sign-in with a second factor through next-auth's handler on %s", (engine) => {
  let db: TestDatabase;
  let serial = 0;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(async () => {
    await db?.drop();
  });

  /** A user enrolled at BASE_EPOCH; the clock then stands 2 minutes later, so fresh codes are unused. */
  async function enrolled() {
    const email = `second${++serial}@example.test`;
    const id = await createIdentity(db.connection.db, { email, password: PASSWORD, emailVerified: true });
    setClock(BASE_EPOCH);
    const { secret } = await startTwoFactorEnrolment(db.connection.db, { userId: id, email });
    const { recoveryCodes } = await confirmTwoFactor(db.connection.db, { userId: id, code: await codeAt(secret, BASE_EPOCH) });
    const now = BASE_EPOCH + 120;
    setClock(now);
    return { id, email, secret, recoveryCodes, now };
  }

  const lastSignIn = async (id: string) =>
    (await db.connection.runner.query<{ at: string | null }>("select last_sign_in_at::text as at from auth.users where id = $1", [id]))[0]?.at;

  it("the password alone is refused with a distinct error and no session, and is not a sign-in", async () => {
    const app = createAuthApp(db);
    const { id, email, secret, now } = await enrolled();
    const result = await app.signIn(email, PASSWORD);
    expect(result.status).toBe(401);
    expect(result.sessionCookie).toBeNull();
    expect(await errorOf(result.response)).toBe(TOTP_REQUIRED_ERROR);
    expect((await app.signIn(email, PASSWORD, { body: withCode(email, PASSWORD, await wrongCodeAt(secret, now)) })).status).toBe(401);
    expect(await lastSignIn(id)).toBeNull();
    expect((await app.signIn(email, PASSWORD, { body: withCode(email, PASSWORD, await codeAt(secret, now)) })).status).toBe(200);
    expect(await lastSignIn(id)).not.toBeNull();
  });

  it("a wrong password never says a code is needed, even with the right code", async () => {
    const app = createAuthApp(db);
    const { email, secret, now } = await enrolled();
    for (const body of [undefined, withCode(email, "wrong-password-1", await codeAt(secret, now))]) {
      const result = await app.signIn(email, "wrong-password-1", body ? { body } : {});
      expect(result.status).toBe(401);
      expect(result.sessionCookie).toBeNull();
      expect(await errorOf(result.response)).toBe("CredentialsSignin");
    }
  });

  it("password and current code sign in; the same code cannot be replayed", async () => {
    const app = createAuthApp(db);
    const { email, secret, now } = await enrolled();
    const code = await codeAt(secret, now);
    const first = await app.signIn(email, PASSWORD, { body: withCode(email, PASSWORD, code) });
    expect(first.status).toBe(200);
    expect(first.sessionCookie).not.toBeNull();
    expect(await app.apiStatus(first.sessionCookie!)).toBe(200);
    const replay = await app.signIn(email, PASSWORD, { body: withCode(email, PASSWORD, code) });
    expect(replay.status).toBe(401);
    expect(replay.sessionCookie).toBeNull();
    // The next step's code works.
    setClock(now + 30);
    expect((await app.signIn(email, PASSWORD, { body: withCode(email, PASSWORD, await codeAt(secret, now + 30)) })).status).toBe(200);
  });

  it("a recovery code signs in once and ends the other sessions", async () => {
    const app = createAuthApp(db);
    const { email, secret, recoveryCodes, now } = await enrolled();
    const earlier = await app.signIn(email, PASSWORD, { body: withCode(email, PASSWORD, await codeAt(secret, now)) });
    expect(await app.apiStatus(earlier.sessionCookie!)).toBe(200);
    const recovered = await app.signIn(email, PASSWORD, { body: withCode(email, PASSWORD, recoveryCodes[3]!) });
    expect(recovered.status).toBe(200);
    expect(await app.apiStatus(recovered.sessionCookie!)).toBe(200);
    expect(await app.apiStatus(earlier.sessionCookie!)).toBe(401);
    const again = await app.signIn(email, PASSWORD, { body: withCode(email, PASSWORD, recoveryCodes[3]!) });
    expect(again.status).toBe(401);
    expect(again.sessionCookie).toBeNull();
  });

  it("wrong codes count in the sign-in limit: 10 wrong, then 429 even with the right code", async () => {
    const app = createAuthApp(db);
    const { email, secret, now } = await enrolled();
    const wrong = await wrongCodeAt(secret, now);
    for (let attempt = 1; attempt <= 10; attempt++) {
      const result = await app.signIn(email, PASSWORD, { body: withCode(email, PASSWORD, wrong) });
      expect(result.status, `attempt ${attempt}`).toBe(401);
    }
    const locked = await app.signIn(email, PASSWORD, { body: withCode(email, PASSWORD, await codeAt(secret, now)) });
    expect(locked.status).toBe(429);
    expect(locked.sessionCookie).toBeNull();
    expect(Number(locked.response.headers.get("retry-after"))).toBeGreaterThan(0);
    const failures = await db.connection.runner.query<{ n: number }>(
      "select count(*)::int as n from audit_log where action = 'auth.sign_in_failed' and details->>'email' = $1 and details->>'reason' = 'second_factor'",
      [email],
    );
    expect(Number(failures[0]?.n)).toBe(10);
  });

  describe("Google for an account with a second factor", () => {
    const withTicket = (ticket: string, code?: string) =>
      new URLSearchParams({ ticket, ...(code === undefined ? {} : { code }), csrfToken: "__csrf__", json: "true" }).toString();

    /** What next-auth's signIn callback answers once Google vouched for `email`. */
    async function googleSignIn(app: ReturnType<typeof createAuthApp>, email: string): Promise<string> {
      const verdict = await app.options.callbacks!.signIn!({
        user: { id: "google-sub", email },
        account: { provider: "google", type: "oauth", providerAccountId: "google-sub" },
        profile: { email, email_verified: true } as never,
      });
      expect(typeof verdict).toBe("string");
      const url = new URL(String(verdict), "http://reach.test");
      expect(url.pathname).toBe("/sign-in");
      return url.searchParams.get("ticket") ?? "";
    }

    it("gets no session from Google alone, only a ticket the code completes once", async () => {
      const app = createAuthApp(db, { google: { clientId: "id", clientSecret: "secret", allowedDomains: [] } });
      const { id, email, secret, now } = await enrolled();
      const ticket = await googleSignIn(app, email);
      // The ticket is encrypted: it does not show whom it names.
      expect(ticket).not.toContain(email);
      expect(ticket).not.toContain(id);
      const bare = await app.signIn("", "", { body: withTicket(ticket) });
      expect(bare.status).toBe(401);
      expect(await errorOf(bare.response)).toBe(TOTP_REQUIRED_ERROR);
      const wrong = await app.signIn("", "", { body: withTicket(ticket, await wrongCodeAt(secret, now)) });
      expect(wrong.status).toBe(401);
      expect(wrong.sessionCookie).toBeNull();
      const code = await codeAt(secret, now);
      const done = await app.signIn("", "", { body: withTicket(ticket, code) });
      expect(done.status).toBe(200);
      expect(await app.apiStatus(done.sessionCookie!)).toBe(200);
      // Replaying the ticket with the same code fails: the step was used.
      expect((await app.signIn("", "", { body: withTicket(ticket, code) })).status).toBe(401);
    });

    it("signs an account without a second factor straight in, and records that sign-in", async () => {
      const app = createAuthApp(db, { google: { clientId: "id", clientSecret: "secret", allowedDomains: [] } });
      const email = `google${++serial}@example.test`;
      const id = await createIdentity(db.connection.db, { email, password: PASSWORD, emailVerified: true });
      const user = { id: "google-sub", email };
      const verdict = await app.options.callbacks!.signIn!({
        user,
        account: { provider: "google", type: "oauth", providerAccountId: "google-sub" },
        profile: { email, email_verified: true } as never,
      });
      expect(verdict).toBe(true);
      expect(user.id).toBe(id);
      expect(await lastSignIn(id)).not.toBeNull();
      const entries = await db.connection.runner.query("select 1 from audit_log where action = 'auth.sign_in' and entity_id = $1", [id]);
      expect(entries).toHaveLength(1);
    });

    it("refuses an altered, expired or foreign ticket, and one whose account turned its factor off", async () => {
      const app = createAuthApp(db, { google: { clientId: "id", clientSecret: "secret", allowedDomains: [] } });
      const { id, email, secret, now } = await enrolled();
      const ticket = await googleSignIn(app, email);
      const tampered = `${ticket.slice(0, -4)}${ticket.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
      expect((await app.signIn("", "", { body: withTicket(tampered, await codeAt(secret, now)) })).status).toBe(401);
      // A session cookie's token is not a ticket (another salt), nor is another secret's ticket.
      const session = await app.signIn(email, PASSWORD, { body: withCode(email, PASSWORD, await codeAt(secret, now)) });
      const sessionToken = session.sessionCookie!.split("=").slice(1).join("=");
      expect((await app.signIn("", "", { body: withTicket(sessionToken, await codeAt(secret, now + 30)) })).status).toBe(401);
      const other = createAuthApp(db, { secret: "another-secret-0123456789abcdef0123456789", google: { clientId: "id", clientSecret: "s", allowedDomains: [] } });
      expect((await other.signIn("", "", { body: withTicket(ticket, await codeAt(secret, now + 30)) })).status).toBe(401);
      // Five minutes and a bit later the ticket has expired.
      setClock(now + 5 * 60 + 20);
      expect((await app.signIn("", "", { body: withTicket(ticket, await codeAt(secret, now + 5 * 60 + 20)) })).status).toBe(401);
      // Turned off: a fresh ticket no longer signs in without a factor to check.
      const fresh = await googleSignIn(app, email);
      await disableTwoFactor(db.connection.db, { userId: id, proof: "password" });
      const off = await app.signIn("", "", { body: withTicket(fresh, "123456") });
      expect(off.status).toBe(401);
      expect(off.sessionCookie).toBeNull();
    });
  });
});
