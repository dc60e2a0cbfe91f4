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
