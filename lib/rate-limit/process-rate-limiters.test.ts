import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { provideConnectionForTests } from "@/lib/db/process-connection";
import { createTestDatabase, type TestDatabase } from "@/tests/db-harness";
import { RATE_LIMITS } from "./limits";
import { closeRateLimiters, getRateLimiters, openRateLimiters, type Built } from "./process-rate-limiters";

const REDIS_TEST_URL = process.env.REDIS_TEST_URL?.trim() || undefined;

describe("the process's rate limiters", () => {
  let database: TestDatabase;
  const opened: Built[] = [];

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    // The service path would otherwise open the process's embedded database under .data.
    provideConnectionForTests(database.connection);
  });
  afterEach(async () => {
    await closeRateLimiters();
    await Promise.all(opened.splice(0).map((built) => built.close()));
  });
  afterAll(async () => {
    await database?.drop();
  });

  const apiPoints = async (key: string) =>
    database.connection.runner.query<{ points: number }>("select points from private.rate_limits where key = $1", [`${RATE_LIMITS.api.keyPrefix}:${key}`]);

  it("counts in the service path's database without a Redis URL", async () => {
    const built = await openRateLimiters(undefined);
    opened.push(built);
    expect(await built.limiters.consumeApi("database-user")).toEqual({ allowed: true });
    expect(await apiPoints("database-user")).toEqual([{ points: 1 }]);
  });

  it("keeps one set per process until it is closed", async () => {
    const limiters = await getRateLimiters();
    expect(await getRateLimiters()).toBe(limiters);
    await closeRateLimiters();
    expect(await getRateLimiters()).not.toBe(limiters);
  });

  // Conditional like the other Redis tests: REDIS_TEST_URL names a Redis this run may use.
  it.runIf(REDIS_TEST_URL)("uses Redis when given its URL, ready for the very first call", async () => {
    const built = await openRateLimiters(REDIS_TEST_URL);
    opened.push(built);
    const userId = `process-user-${randomUUID()}`;
    // enableOfflineQueue is off, so this call fails open (and writes no key) unless the client was connected before it.
    expect(await built.limiters.consumeApi(userId)).toEqual({ allowed: true });
    expect(await apiPoints(userId)).toEqual([]);
    const check = new Redis(REDIS_TEST_URL!);
    const key = `${RATE_LIMITS.api.keyPrefix}:${userId}`;
    try {
      expect(await check.get(key)).toBe("1");
    } finally {
      await check.del(key);
      await check.quit();
    }
  });
});
