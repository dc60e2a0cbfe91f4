import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/tests/db-harness";
import { RATE_LIMITS } from "./limits";

const mocks = vi.hoisted(() => ({ env: { REDIS_URL: undefined as string | undefined }, db: undefined as Db | undefined }));
vi.mock("@/lib/env", () => ({ env: mocks.env }));
// The real service path would open the process's embedded database under .data; hand it a test database instead.
vi.mock("@/lib/db/service", () => ({ withServiceDb: <T>(fn: (db: Db) => Promise<T>) => fn(mocks.db!) }));

const { closeRateLimiters, getRateLimiters } = await import("./process-rate-limiters");
const REDIS_TEST_URL = process.env.REDIS_TEST_URL?.trim() || undefined;

describe("getRateLimiters", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    mocks.db = database.connection.db;
  });
  afterEach(async () => {
    await closeRateLimiters();
    mocks.env.REDIS_URL = undefined;
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("builds one process-wide set over the service path's database when REDIS_URL is unset", async () => {
    const limiters = await getRateLimiters();
    expect(await getRateLimiters()).toBe(limiters);
    expect(await limiters.consumeApi("process-user")).toEqual({ allowed: true });
    const rows = await database.connection.runner.query<{ points: number }>(
      "select points from private.rate_limits where key = $1",
      [`${RATE_LIMITS.api.keyPrefix}:process-user`],
    );
    expect(rows).toEqual([{ points: 1 }]);
  });

  // Conditional like the other Redis tests: REDIS_TEST_URL names a Redis this run may use.
  it.runIf(REDIS_TEST_URL)("uses Redis when REDIS_URL is set, ready for the very first call", async () => {
    mocks.env.REDIS_URL = REDIS_TEST_URL;
    const userId = `process-user-${randomUUID()}`;
    const limiters = await getRateLimiters();
    // enableOfflineQueue is off, so this call fails open (and writes no key) unless the client was connected before it.
    expect(await limiters.consumeApi(userId)).toEqual({ allowed: true });
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
