import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("defaults to the embedded database under .data", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.REACH_DATA_DIR.endsWith(".data")).toBe(true);
    expect(env.SCRAPER_ORIGIN_OVERRIDES.size).toBe(0);
  });

  it("cross-checks a second source unless SCRAPER_CROSS_CHECK is off", () => {
    expect(parseEnv({}).SCRAPER_CROSS_CHECK).toBe(true);
    expect(parseEnv({ SCRAPER_CROSS_CHECK: "on" }).SCRAPER_CROSS_CHECK).toBe(true);
    expect(parseEnv({ SCRAPER_CROSS_CHECK: "off" }).SCRAPER_CROSS_CHECK).toBe(false);
    expect(() => parseEnv({ SCRAPER_CROSS_CHECK: "maybe" })).toThrowError(/SCRAPER_CROSS_CHECK/);
  });

  it("names a malformed variable and says what is wrong", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://localhost/reach" })).toThrowError(
      /DATABASE_URL: must start with postgres:\/\//,
    );
    expect(() => parseEnv({ SCRAPER_TIMEOUT_MS: "soon" })).toThrowError(/SCRAPER_TIMEOUT_MS/);
    expect(() => parseEnv({ SCRAPER_ORIGIN_OVERRIDES: "www.tiktok.com" })).toThrowError(EnvError);
  });

  it("hashes passwords at cost 10 unless told otherwise, and only within bcrypt's sensible range", () => {
    expect(parseEnv({}).BCRYPT_COST).toBe(10);
    expect(parseEnv({ BCRYPT_COST: "12" }).BCRYPT_COST).toBe(12);
    for (const cost of ["3", "16", "ten"]) expect(() => parseEnv({ BCRYPT_COST: cost }), cost).toThrowError(/BCRYPT_COST/);
    expect(() => parseEnv({ METRICS_TOKEN: "short" })).toThrowError(/METRICS_TOKEN: must be at least 24 characters/);
  });

  it("requires NEXTAUTH_SECRET in production, except while building", () => {
    const https = { NEXTAUTH_URL: "https://reach.example.org" };
    expect(() => parseEnv({ NODE_ENV: "production", ...https })).toThrowError(/NEXTAUTH_SECRET: is required in production/);
    expect(parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }).NODE_ENV).toBe("production");
    expect(parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(32), ...https }).NEXTAUTH_SECRET).toHaveLength(32);
    expect(() => parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(32), INNGEST_DEV: "1", ...https })).toThrowError(/INNGEST_DEV: must not be set in production/);
  });

  it("requires an https NEXTAUTH_URL in production, derived on Vercel, http only with ALLOW_INSECURE_COOKIES=1", () => {
    const base = { NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(32) };
    expect(() => parseEnv(base)).toThrowError(/NEXTAUTH_URL: is required in production/);
    expect(() => parseEnv({ ...base, NEXTAUTH_URL: "http://reach.example.org" })).toThrowError(/NEXTAUTH_URL: must be https in production/);
    expect(parseEnv({ ...base, NEXTAUTH_URL: "http://127.0.0.1:3100", ALLOW_INSECURE_COOKIES: "1" }).appUrl).toBe("http://127.0.0.1:3100");
    expect(parseEnv({ ...base, VERCEL: "1", VERCEL_URL: "reach-abc.vercel.app" }).appUrl).toBe("https://reach-abc.vercel.app");
    expect(parseEnv({ NODE_ENV: "development" }).appUrl).toBeUndefined();
  });

  it("caps concurrent requests at MAX_CONCURRENT_REQUESTS, else 4 on the embedded database and 16 on Postgres", () => {
    expect(parseEnv({}).concurrencyCap).toBe(4);
    expect(parseEnv({ DATABASE_URL: "postgres://postgres@127.0.0.1:5432/reach" }).concurrencyCap).toBe(16);
    expect(parseEnv({ MAX_CONCURRENT_REQUESTS: "0" }).concurrencyCap).toBe(0);
    expect(parseEnv({ MAX_CONCURRENT_REQUESTS: "32", DATABASE_URL: "postgres://postgres@127.0.0.1:5432/reach" }).concurrencyCap).toBe(32);
    expect(() => parseEnv({ MAX_CONCURRENT_REQUESTS: "-1" })).toThrowError(/MAX_CONCURRENT_REQUESTS/);
    expect(() => parseEnv({ MAX_CONCURRENT_REQUESTS: "many" })).toThrowError(/MAX_CONCURRENT_REQUESTS/);
  });

  it("reads an empty number variable (NAME= as .env.example writes it) as unset, never as 0", () => {
    const empty = parseEnv({ PORT: "", BCRYPT_COST: "", API_TOKEN_RATE_LIMIT: "", TRUSTED_PROXY_HOPS: " ", MAX_CONCURRENT_REQUESTS: "", SUMMARY_CACHE_TTL_SECONDS: "", SCRAPER_TIMEOUT_MS: "", SCRAPER_MAX_RETRIES: "", SCRAPER_SLIDE_MAX_BYTES: "", SCRAPER_SLIDE_CONCURRENCY: "" });
    expect(empty).toMatchObject({ PORT: 3000, BCRYPT_COST: 10, API_TOKEN_RATE_LIMIT: 300, TRUSTED_PROXY_HOPS: 0, concurrencyCap: 4, SUMMARY_CACHE_TTL_SECONDS: 600, SCRAPER_TIMEOUT_MS: 15_000, SCRAPER_MAX_RETRIES: 3, SCRAPER_SLIDE_MAX_BYTES: 20 * 1024 * 1024, SCRAPER_SLIDE_CONCURRENCY: 5 });
    expect(parseEnv({ SUMMARY_CACHE_TTL_SECONDS: "0", SCRAPER_MAX_RETRIES: "0" })).toMatchObject({ SUMMARY_CACHE_TTL_SECONDS: 0, SCRAPER_MAX_RETRIES: 0 });
    expect(() => parseEnv({ SCRAPER_TIMEOUT_MS: "1.5" })).toThrowError(/SCRAPER_TIMEOUT_MS: must be a whole number/);
    expect(() => parseEnv({ PORT: "70000" })).toThrowError(/PORT/);
    expect(() => parseEnv({ SCRAPER_SLIDE_CONCURRENCY: "0" })).toThrowError(/SCRAPER_SLIDE_CONCURRENCY/);
  });

  it("parses origin overrides into host → origin", () => {
    const env = parseEnv({ SCRAPER_ORIGIN_OVERRIDES: "www.TikTok.com=http://127.0.0.1:4010/, public.api.bsky.app=http://127.0.0.1:4011" });
    expect(Object.fromEntries(env.SCRAPER_ORIGIN_OVERRIDES)).toEqual({
      "www.tiktok.com": "http://127.0.0.1:4010",
      "public.api.bsky.app": "http://127.0.0.1:4011",
    });
  });

  it("reads the daily snapshot time as HH:MM, 06:00 when unset, and \"off\" as no schedule", () => {
    expect(parseEnv({}).SNAPSHOT_LOCAL_TIME).toBe("06:00");
    expect(parseEnv({ SNAPSHOT_LOCAL_TIME: "23:59" }).SNAPSHOT_LOCAL_TIME).toBe("23:59");
    expect(parseEnv({ SNAPSHOT_LOCAL_TIME: "off" }).SNAPSHOT_LOCAL_TIME).toBeNull();
    expect(() => parseEnv({ SNAPSHOT_LOCAL_TIME: "24:00" })).toThrowError(/SNAPSHOT_LOCAL_TIME: must be HH:MM or "off"/);
  });
});
