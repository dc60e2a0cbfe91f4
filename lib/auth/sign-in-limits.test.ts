import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimiters } from "@/lib/rate-limit/rate-limiters";
import { createIdentity } from "@/lib/services/auth/create-identity";
import { createAuthApp, type AuthCall } from "@/tests/auth-harness";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";

const PASSWORD = "tidal-copper-orchard-9";
const form = (fields: [string, string][]) => new URLSearchParams([...fields, ["csrfToken", "__csrf__"], ["json", "true"]]).toString();

let forged = 0;
type Variant = Partial<AuthCall>;

/** Every spelling an attacker tried against the old route-level check; each must be counted. */
const VARIANTS: Record<string, (victim: string, password: string) => Variant> = {
  "plain form": () => ({}),
  "extra path segments": () => ({ path: "callback/credentials/extra/segments" }),
  "percent-encoded letters": () => ({ path: "callback/cr%65dentials" }),
  "trailing slash": () => ({ path: "callback/credentials/" }),
  "repeated slashes": () => ({ path: "callback//credentials" }),
  "duplicate email fields (next-auth keeps the last)": (victim, password) => ({
    body: form([["email", "decoy@example.test"], ["email", victim], ["password", password]]),
  }),
  "JSON body": (victim, password) => ({
    contentType: "application/json",
    body: JSON.stringify({ email: victim, password, csrfToken: "__csrf__", json: "true" }),
  }),
  "email case and spacing": (victim, password) => ({ body: form([["email", ` ${victim.toUpperCase()} `], ["password", password]]) }),
  "forged leftmost X-Forwarded-For": () => ({ headers: { "x-forwarded-for": `198.51.100.${++forged % 250}, 203.0.113.10` } }),
};

describe.each(ENGINES)("sign-in limits through next-auth's handler on %s", (engine) => {
  let db: TestDatabase;
  let serial = 0;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function victim(): Promise<string> {
    const email = `victim${++serial}@example.test`;
    await createIdentity(db.connection.db, { email, password: PASSWORD, emailVerified: true });
    return email;
  }

  it("signs in with the right password and issues a session cookie", async () => {
    const app = createAuthApp(db);
    const result = await app.signIn(await victim(), PASSWORD);
    expect(result.status).toBe(200);
    expect(result.sessionCookie).not.toBeNull();
  });

  it.each(Object.keys(VARIANTS))("%s: 10 wrong tries, then 429 even with the right password", async (name) => {
    const app = createAuthApp(db);
    const email = await victim();
    for (let attempt = 1; attempt <= 10; attempt++) {
      const variant = VARIANTS[name]!(email, `wrong-guess-${attempt}`);
      const result = await app.signIn(email, `wrong-guess-${attempt}`, variant);
      expect(result.status, `attempt ${attempt}`).toBe(401);
      expect(result.sessionCookie).toBeNull();
    }
    const locked = await app.signIn(email, PASSWORD, VARIANTS[name]!(email, PASSWORD));
    expect(locked.status).toBe(429);
    expect(Number(locked.response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(locked.sessionCookie).toBeNull();
    const body = (await locked.response.json()) as { url: string; code: string };
    expect(body.code).toBe("rate_limited");
    expect(new URL(body.url).searchParams.get("error")).toBe("RateLimited");
    // The lock holds for the plain spelling too: all variants count under one email.
    expect((await app.signIn(email, PASSWORD)).status).toBe(429);
  });

  it("counts mixed variants under the one email next-auth authenticates", async () => {
    const app = createAuthApp(db);
    const email = await victim();
    const names = Object.keys(VARIANTS);
    for (let attempt = 0; attempt < 10; attempt++) {
      const result = await app.signIn(email, "wrong", VARIANTS[names[attempt % names.length]!]!(email, "wrong"));
      expect(result.status).toBe(401);
    }
    expect((await app.signIn(email, PASSWORD, VARIANTS["JSON body"]!(email, PASSWORD))).status).toBe(429);
  });

  it("limits one real address spraying many emails, whatever it puts leftmost in X-Forwarded-For", async () => {
    const app = createAuthApp(db);
    for (let attempt = 0; attempt < 10; attempt++) {
      const result = await app.signIn(`nobody${attempt}@example.test`, "wrong", { headers: { "x-forwarded-for": `192.0.2.${attempt}, 198.51.100.77` } });
      expect(result.status).toBe(401);
    }
    const email = await victim();
    const refused = await app.signIn(email, PASSWORD, { headers: { "x-forwarded-for": "192.0.2.200, 198.51.100.77" } });
    expect(refused.status).toBe(429);
    expect(refused.sessionCookie).toBeNull();
    // Another real address is not affected.
    expect((await app.signIn(email, PASSWORD, { headers: { "x-forwarded-for": "198.51.100.78" } })).status).toBe(200);
  });

  it("does not lock the owner out from another address when one address guesses their email", async () => {
    const app = createAuthApp(db);
    const email = await victim();
    const from = (ip: string) => ({ headers: { "x-forwarded-for": ip } });
    for (let attempt = 0; attempt < 10; attempt++) expect((await app.signIn(email, "wrong", from("198.51.100.20"))).status).toBe(401);
    expect((await app.signIn(email, PASSWORD, from("198.51.100.20"))).status).toBe(429);
    expect((await app.signIn(email, PASSWORD, from("198.51.100.21"))).status).toBe(200);
  });

  it("still stops guesses at one email spread over many addresses, at 100 in the window", async () => {
    const app = createAuthApp(db);
    const email = await victim();
    for (let attempt = 0; attempt < 100; attempt++) {
      expect((await app.signIn(email, "wrong", { headers: { "x-forwarded-for": `203.0.113.${Math.floor(attempt / 10) + 100}` } })).status, `attempt ${attempt}`).toBe(401);
    }
    expect((await app.signIn(email, PASSWORD, { headers: { "x-forwarded-for": "203.0.113.200" } })).status).toBe(429);
  });

  it("never signs in through a path or provider spelled in another case", async () => {
    const app = createAuthApp(db);
    const email = await victim();
    for (const path of ["CALLBACK/credentials", "callback/CREDENTIALS", "Callback/Credentials"]) {
      const result = await app.signIn(email, PASSWORD, { path });
      expect(result.sessionCookie, path).toBeNull();
      expect(result.status, path).not.toBe(200);
    }
  });

  it("refuses with 503, not a password check, when the limit store is down", async () => {
    // A real limiter on a Redis that is not there (nothing listens on port 1).
    const redis = new Redis("redis://127.0.0.1:1", { enableOfflineQueue: false, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    const app = createAuthApp(db, { rateLimiters: async () => createRateLimiters({ kind: "redis", client: redis }) });
    const result = await app.signIn(await victim(), PASSWORD);
    expect(result.status).toBe(503);
    expect(result.sessionCookie).toBeNull();
    redis.disconnect();
  });
});
