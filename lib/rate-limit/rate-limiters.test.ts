import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { openConnection, type Connection } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";
import { RATE_LIMITS } from "./limits";
import { createRateLimiters, type RateLimiters, type RateLimitStore, type SignInKey } from "./rate-limiters";
import { captureLogs } from "@/tests/log-capture";

// Redis is a service this machine and CI may not run, unlike PGlite; set REDIS_TEST_URL
// (e.g. redis://127.0.0.1:6379/15, a database nothing else uses) to include it.
const REDIS_TEST_URL = process.env.REDIS_TEST_URL?.trim() || undefined;

const prefixes: string[] = [];
function uniquePrefix(): string {
  const prefix = `test-${randomUUID()}:`;
  prefixes.push(prefix);
  return prefix;
}

async function attempts(limiters: RateLimiters, keys: SignInKey[]) {
  const results = [];
  for (const key of keys) results.push(await limiters.consumeSignInAttempt(key));
  return results;
}
const times = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

/** The behaviour every store must have; `second` opens another client on the same store, as another instance would. */
function sharedBehaviour(store: () => RateLimitStore, second: () => Promise<RateLimitStore>) {
  it("allows 10 sign-in attempts per 15 minutes and refuses the 11th with a positive Retry-After", async () => {
    const limiters = createRateLimiters(store(), { keyPrefix: uniquePrefix() });
    const key = { ip: "203.0.113.7", email: "jane@example.com" };
    const results = await attempts(limiters, times(10, () => key));
    expect(results.every((result) => result.allowed)).toBe(true);
    const refused = await limiters.consumeSignInAttempt(key);
    expect(refused.allowed).toBe(false);
    if (refused.allowed) return;
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(RATE_LIMITS.signInIp.durationSeconds);
  });

  it("counts the IP, the email from that IP and the email independently, refusing when any is exhausted", async () => {
    const limiters = createRateLimiters(store(), { keyPrefix: uniquePrefix() });
    // One IP trying ten emails exhausts the IP...
    const sprayed = await attempts(limiters, times(10, (i) => ({ ip: "203.0.113.1", email: `user${i}@example.com` })));
    expect(sprayed.every((result) => result.allowed)).toBe(true);
    expect((await limiters.consumeSignInAttempt({ ip: "203.0.113.1", email: "fresh@example.com" })).allowed).toBe(false);
    // ...ten tries at one email from one IP exhaust that pair, whatever the email's case and spacing,
    // and leave the email open from elsewhere...
    const guessed = await attempts(limiters, times(10, (i) => ({ ip: "203.0.113.2", email: i % 2 ? "Boss@Example.com " : "boss@example.com" })));
    expect(guessed.every((result) => result.allowed)).toBe(true);
    expect((await limiters.consumeSignInAttempt({ ip: "203.0.113.2", email: "BOSS@example.com" })).allowed).toBe(false);
    expect((await limiters.consumeSignInAttempt({ ip: "198.51.100.250", email: "boss@example.com" })).allowed).toBe(true);
    // ...and a hundred tries in all (the refused one above counts too) exhaust the email everywhere.
    const spread = await attempts(limiters, times(88, (i) => ({ ip: `198.51.100.${Math.floor(i / 9)}`, email: "boss@example.com" })));
    expect(spread.every((result) => result.allowed)).toBe(true);
    expect((await limiters.consumeSignInAttempt({ ip: "198.51.100.99", email: "BOSS@example.com" })).allowed).toBe(false);
    expect((await limiters.consumeSignInAttempt({ ip: "198.51.100.99", email: "other@example.com" })).allowed).toBe(true);
  });

  it("counts only the email when no trusted proxy names the caller", async () => {
    const limiters = createRateLimiters(store(), { keyPrefix: uniquePrefix() });
    await attempts(limiters, times(10, (i) => ({ ip: null, email: `sprayed${i}@example.com` })));
    expect((await limiters.consumeSignInAttempt({ ip: null, email: "fresh@example.com" })).allowed).toBe(true);
    await attempts(limiters, times(9, () => ({ ip: null, email: "fresh@example.com" })));
    expect((await limiters.consumeSignInAttempt({ ip: null, email: "fresh@example.com" })).allowed).toBe(false);
  });

  it("resetSignIn clears the email's count but gives the IP back only the successful attempt", async () => {
    const limiters = createRateLimiters(store(), { keyPrefix: uniquePrefix() });
    const key = { ip: "203.0.113.9", email: "jane@example.com" };
    await attempts(limiters, times(10, () => key));
    await limiters.resetSignIn({ ip: key.ip, email: "JANE@example.com" });
    expect((await limiters.consumeSignInAttempt({ ip: "203.0.113.10", email: key.email })).allowed).toBe(true);
    expect((await limiters.consumeSignInAttempt({ ip: key.ip, email: "someone@example.com" })).allowed).toBe(true);
    expect((await limiters.consumeSignInAttempt({ ip: key.ip, email: "someone-else@example.com" })).allowed).toBe(false);
  });

  it("never locks out an address whose sign-ins succeed", async () => {
    const limiters = createRateLimiters(store(), { keyPrefix: uniquePrefix() });
    for (let i = 0; i < 25; i++) {
      const key = { ip: "203.0.113.11", email: `colleague${i}@example.com` };
      expect((await limiters.consumeSignInAttempt(key)).allowed, `sign-in ${i}`).toBe(true);
      await limiters.resetSignIn(key);
    }
  });

  it("shares counts between two instances over the same store", async () => {
    const keyPrefix = uniquePrefix();
    const first = createRateLimiters(store(), { keyPrefix });
    const secondInstance = createRateLimiters(await second(), { keyPrefix });
    const key = { ip: "203.0.113.20", email: "shared@example.com" };
    await attempts(first, times(5, () => key));
    await attempts(secondInstance, times(5, () => key));
    expect((await first.consumeSignInAttempt(key)).allowed).toBe(false);
    expect((await secondInstance.consumeSignInAttempt(key)).allowed).toBe(false);
  });

  it("counts concurrent attempts atomically: exactly 10 of 15 simultaneous attempts pass", async () => {
    const limiters = createRateLimiters(store(), { keyPrefix: uniquePrefix() });
    const results = await Promise.all(times(15, (i) => limiters.consumeSignInAttempt({ ip: "203.0.113.30", email: `c${i}@example.com` })));
    expect(results.filter((result) => result.allowed)).toHaveLength(10);
  });

  it("limits mutating API calls to 120 a minute per user", async () => {
    const limiters = createRateLimiters(store(), { keyPrefix: uniquePrefix() });
    const results = await Promise.all(times(RATE_LIMITS.api.points, () => limiters.consumeApi("user-a")));
    expect(results.every((result) => result.allowed)).toBe(true);
    const refused = await limiters.consumeApi("user-a");
    expect(refused).toMatchObject({ allowed: false });
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBeLessThanOrEqual(RATE_LIMITS.api.durationSeconds);
    expect(await limiters.consumeApi("user-b")).toEqual({ allowed: true });
  });

  it("counts every call of an API token against its own limit and reports what the headers say", async () => {
    const limiters = createRateLimiters(store(), { keyPrefix: uniquePrefix(), apiTokenPoints: 3 });
    const token = { kind: "token" as const, id: "token-a" };
    expect(await limiters.apiCall(token, false)).toMatchObject({ allowed: true, limit: 3, remaining: 3 });
    const counted = [];
    for (let i = 0; i < 4; i++) counted.push(await limiters.apiCall(token, true));
    expect(counted.map((state) => [state?.allowed, state?.remaining])).toEqual([[true, 2], [true, 1], [true, 0], [false, 0]]);
    expect(counted[3]?.resetSeconds).toBeGreaterThan(0);
    expect(counted[3]?.resetSeconds).toBeLessThanOrEqual(RATE_LIMITS.apiToken.durationSeconds);
    // A user's limit is another counter: a token's calls do not spend it.
    expect(await limiters.apiCall({ kind: "user", id: "token-a" }, false)).toMatchObject({ allowed: true, limit: RATE_LIMITS.api.points, remaining: RATE_LIMITS.api.points });
  });
}

function expectOutageBehaviour(limiters: RateLimiters) {
  return (async () => {
    const email = "outage@example.com";
    const signIn = limiters.consumeSignInAttempt({ ip: "203.0.113.40", email }).catch((error: unknown) => error);
    const error = await signIn;
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "unavailable" });
    await expect(limiters.resetSignIn({ ip: "203.0.113.40", email })).resolves.toBeUndefined();
    expect(await limiters.consumeApi("user-a")).toEqual({ allowed: true });
  })();
}

describe.each(ENGINES)("rate limiters over the database (%s)", (engine) => {
  let database: TestDatabase;
  const others: Connection[] = [];
  const store = (): RateLimitStore => ({ kind: "drizzle", db: database.connection.db });

  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await Promise.all(others.map((connection) => connection.close()));
    await database?.drop();
  });

  // In-memory PGlite has one connection; on Postgres the second instance gets a connection of its own.
  sharedBehaviour(store, async () => {
    if (!database.url) return store();
    const other = await openConnection({ databaseUrl: database.url });
    others.push(other);
    return { kind: "drizzle", db: other.db };
  });

  it("keeps its counters in private.rate_limits, which the API roles cannot read or write", async () => {
    const keyPrefix = uniquePrefix();
    await createRateLimiters(store(), { keyPrefix }).consumeApi("user-a");
    const rows = await database.connection.runner.query<{ key: string; points: number }>(
      "select key, points from private.rate_limits where key like $1",
      [`${keyPrefix}%`],
    );
    expect(rows).toEqual([{ key: `${keyPrefix}api:user:user-a`, points: 1 }]);
    const privileges = await database.connection.runner.query<{ role: string; any: boolean }>(`
      select role, has_table_privilege(role, 'private.rate_limits', 'select, insert, update, delete') as any
      from unnest(array['anon', 'authenticated']) as role`);
    expect(privileges).toEqual([{ role: "anon", any: false }, { role: "authenticated", any: false }]);
  });

  it("fails closed for sign-in and open for the API when the table is unreachable, logging no email", async () => {
    const logs = captureLogs();
    const limiters = createRateLimiters(store(), { keyPrefix: uniquePrefix(), logger: logs.logger });
    await database.connection.runner.exec("alter table private.rate_limits rename to rate_limits_away");
    try {
      await expectOutageBehaviour(limiters);
    } finally {
      await database.connection.runner.exec("alter table private.rate_limits_away rename to rate_limits");
    }
    expect(logs.lines().map((line) => [line.level, line.msg])).toContainEqual([50, "sign-in rate limit store unavailable"]);
    expect(logs.lines().map((line) => line.msg)).toContain("API rate limit store unavailable; allowing the call");
    expect(logs.text()).not.toContain("outage@example.com");
  });
});

describe.runIf(REDIS_TEST_URL)("rate limiters over Redis", () => {
  const clients: Redis[] = [];
  const connect = (url = REDIS_TEST_URL!) => {
    const client = new Redis(url, { enableOfflineQueue: false, lazyConnect: true });
    clients.push(client);
    return client;
  };
  let main: Redis;

  beforeAll(async () => {
    main = connect();
    await main.connect();
  });
  // Each test wrote under its own prefix; remove them so the shared Redis database stays clean.
  afterAll(async () => {
    for (const prefix of prefixes) {
      const keys = await main.keys(`${prefix}*`);
      if (keys.length > 0) await main.del(...keys);
    }
    await Promise.all(clients.map((client) => client.quit().catch(() => {})));
  });

  const store = (): RateLimitStore => ({ kind: "redis", client: main });
  sharedBehaviour(store, async () => {
    const other = connect();
    await other.connect();
    return { kind: "redis", client: other };
  });

  it("fails closed for sign-in and open for the API when Redis is unreachable", async () => {
    const logs = captureLogs();
    const down = new Redis("redis://127.0.0.1:1", { enableOfflineQueue: false, retryStrategy: () => null, lazyConnect: true });
    down.on("error", () => {});
    clients.push(down);
    await down.connect().catch(() => {});
    await expectOutageBehaviour(createRateLimiters({ kind: "redis", client: down }, { keyPrefix: uniquePrefix(), logger: logs.logger }));
    expect(logs.lines().some((line) => line.msg === "sign-in rate limit store unavailable")).toBe(true);
  });
});
