import path from "node:path";
import { z } from "zod";
import { parseServiceAccountKey } from "@/lib/sheets/service-account-key";
import { timeOfDay } from "./input-fields";

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const optionalUrl = optionalString.pipe(z.url({ message: "must be a URL" }).optional());

const flag = z
  .enum(["1", "0", "true", "false", ""])
  .optional()
  .transform((value) => value === "1" || value === "true");

/** Days to keep rows, or "off" to keep them forever. */
const retentionDays = (fallback: number) =>
  optionalString
    .pipe(z.string().regex(/^([1-9]\d{0,4}|off)$/, 'must be a number of days or "off"').optional())
    .transform((value) => (value === "off" ? null : value ? Number(value) : fallback));

/** A whole number in [min, max]; unset or empty (`NAME=` as in .env.example) is undefined, never 0. */
const optionalInt = (min: number, max: number) =>
  optionalString.pipe(z.coerce.number<string>({ message: "must be a whole number" }).int("must be a whole number").min(min).max(max).optional());

const intOr = (fallback: number, min = 1, max = Number.MAX_SAFE_INTEGER) => optionalInt(min, max).transform((value) => value ?? fallback);

/** "www.tiktok.com=http://127.0.0.1:4010,public.api.bsky.app=http://127.0.0.1:4010" → host → origin. */
const originOverrides = optionalString.transform((value, ctx) => {
  const map = new Map<string, string>();
  if (!value) return map;
  for (const pair of value.split(",").map((part) => part.trim()).filter(Boolean)) {
    const [host, target] = pair.split("=");
    const parsed = target ? URL.parse(target) : null;
    if (!host || !parsed || !/^https?:$/.test(parsed.protocol)) {
      ctx.addIssue({ code: "custom", message: `"${pair}" is not host=http(s)://origin` });
      return z.NEVER;
    }
    map.set(host.toLowerCase(), parsed.origin);
  }
  return map;
});

// The message never quotes the value: it is a private key.
const serviceAccountJson = optionalString.transform((value, ctx) => {
  if (!value) return undefined;
  const parsed = parseServiceAccountKey(value);
  if (parsed.ok) return parsed.key;
  ctx.addIssue({ code: "custom", message: parsed.problem });
  return z.NEVER;
});

/** "tiktok=2/2,instagram=0.5/1" → bucket → requests per second / concurrency, for the scrapers. */
const rateLimits = optionalString.transform((value, ctx) => {
  const map = new Map<string, { perSecond: number; concurrency: number }>();
  for (const pair of (value ?? "").split(",").map((part) => part.trim()).filter(Boolean)) {
    const match = /^([a-z-]+)=(\d+(?:\.\d+)?)\/(\d+)$/.exec(pair);
    const perSecond = Number(match?.[2]);
    const concurrency = Number(match?.[3]);
    if (!match?.[1] || !(perSecond > 0) || !(concurrency > 0)) {
      ctx.addIssue({ code: "custom", message: `"${pair}" is not bucket=perSecond/concurrency` });
      return z.NEVER;
    }
    map.set(match[1], { perSecond, concurrency });
  }
  return map;
});

const urlList = optionalString.transform((value, ctx) => {
  const list = (value ?? "").split(",").map((part) => part.trim()).filter(Boolean);
  for (const item of list) {
    if (!URL.canParse(item)) {
      ctx.addIssue({ code: "custom", message: `"${item}" is not a URL` });
      return z.NEVER;
    }
  }
  return list;
});

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    // Structured logs (pino): JSON lines in production, readable lines in development; silent by default in tests.
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
    // Traces: @vercel/otel exports OTLP/HTTP here when set (it reads the variable itself; validated here).
    OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
    // bcrypt cost for the passwords Reach hashes (Supabase's is 10); the test suite lowers it to 4.
    // The port Next listens on (next dev/start set it): names the URL in the start-up line.
    PORT: intOr(3000, 1, 65_535),
    BCRYPT_COST: intOr(10, 4, 15),
    // Bearer token for the Prometheus endpoint /api/metrics; unset, the endpoint answers 404.
    METRICS_TOKEN: optionalString.pipe(z.string().min(24, { message: "must be at least 24 characters" }).optional()),
    NEXT_PHASE: optionalString,

    // Database: PGlite under REACH_DATA_DIR unless DATABASE_URL names a Postgres.
    DATABASE_URL: optionalString.pipe(
      z.string().regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://").optional(),
    ),
    // Tests only: a Postgres server where each database test creates and drops its own database.
    TEST_DATABASE_URL: optionalString.pipe(
      z.string().regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://").optional(),
    ),
    REACH_DATA_DIR: optionalString.transform((value) => path.resolve(/*turbopackIgnore: true*/ value ?? ".data")),
    SEED_DEMO_DATA: flag,

    // Sessions.
    NEXTAUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
    NEXTAUTH_URL: optionalUrl,
    // Production refuses an http NEXTAUTH_URL (cookies without Secure) unless this is set to 1.
    ALLOW_INSECURE_COOKIES: flag,
    // How many proxies in front of Reach append to X-Forwarded-For (0: none, so no address is trusted).
    // Requests per minute per API token, reads included (docs/api.md).
    API_TOKEN_RATE_LIMIT: intOr(300, 1, 100_000),
    TRUSTED_PROXY_HOPS: intOr(0, 0, 10),
    // Set by Vercel on its deployments.
    VERCEL: flag,
    VERCEL_URL: optionalString,

    // Supabase (production): Auth and Storage.
    SUPABASE_URL: optionalUrl,
    SUPABASE_ANON_KEY: optionalString,
    SUPABASE_SERVICE_ROLE_KEY: optionalString,
    SUPABASE_STORAGE_BUCKET: optionalString.transform((value) => value ?? "slides"),

    // Invitation emails: without SMTP_URL the invitation link is shown to the admin instead.
    SMTP_URL: optionalString.pipe(z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional()),
    SMTP_FROM: optionalString.transform((value) => value ?? "Reach <no-reply@localhost>"),
    // Webhook and alert URLs pass the private-address guard; these origins (a local receiver) are let through.
    WEBHOOK_ALLOWED_ORIGINS: urlList.transform((list) => list.map((item) => new URL(item).origin)),

    // Google sign-in, offered when both are set; GOOGLE_ALLOWED_DOMAINS limits it (comma-separated).
    GOOGLE_CLIENT_ID: optionalString,
    GOOGLE_CLIENT_SECRET: optionalString,
    GOOGLE_ALLOWED_DOMAINS: optionalString.transform((value) =>
      (value ?? "").split(",").map((domain) => domain.trim().toLowerCase()).filter(Boolean),
    ),

    // Google Sheets: a service account's JSON key, as a file path or as the JSON itself (for Vercel).
    GOOGLE_APPLICATION_CREDENTIALS: optionalString,
    GOOGLE_SERVICE_ACCOUNT_JSON: serviceAccountJson,

    // Inngest: with neither key nor INNGEST_DEV, functions run in-process.
    INNGEST_EVENT_KEY: optionalString,
    INNGEST_SIGNING_KEY: optionalString,
    INNGEST_DEV: flag,
    // The origin Inngest calls back (https://reach.example.org); else NEXTAUTH_URL's, else VERCEL_URL.
    INNGEST_SERVE_ORIGIN: optionalUrl,
    // A self-hosted Inngest server (`inngest start`, docker-compose.yml); unset means Inngest Cloud.
    INNGEST_BASE_URL: optionalUrl,
    // Daily snapshot run at this local time in each workspace's time zone; "off" disables the schedule.
    SNAPSHOT_LOCAL_TIME: optionalString
      .pipe(z.string().refine((value) => value === "off" || timeOfDay.safeParse(value).success, 'must be HH:MM or "off"').optional())
      .transform((value) => (value === "off" ? null : (value ?? "06:00"))),
    // Retention, pruned daily: raw scraping logs (default 90 days) and audit entries (default 365).
    SCRAPING_LOG_RETENTION_DAYS: retentionDays(90),
    AUDIT_LOG_RETENTION_DAYS: retentionDays(365),
    // Requests one instance works on at once; past it, 503 with Retry-After at once (0 turns the cap off). Default: concurrencyCapOf.
    MAX_CONCURRENT_REQUESTS: optionalInt(0, 10_000),
    // How long a cached overview, leaderboard or accounts page lives at most (writes invalidate it sooner); 0 turns the cache off.
    SUMMARY_CACHE_TTL_SECONDS: intOr(600, 0, 86_400),
    REDIS_URL: optionalString.pipe(z.string().regex(/^rediss?:\/\//, "must start with redis:// or rediss://").optional()),

    // Scrapers.
    SCRAPER_ORIGIN_OVERRIDES: originOverrides,
    PROXY_URLS: urlList,
    BROWSER_WS_ENDPOINT: optionalUrl,
    CHROMIUM_PATH: optionalString,
    SCRAPER_TIMEOUT_MS: intOr(15_000),
    SCRAPER_MAX_RETRIES: intOr(3, 0, 10),
    YOUTUBE_API_KEY: optionalString,
    X_BEARER_TOKEN: optionalString,
    FACEBOOK_ACCESS_TOKEN: optionalString,
    THREADS_ACCESS_TOKEN: optionalString,
    SCRAPER_RATE_LIMITS: rateLimits,
    // A second source read beside an official API to check its figure (docs/data-quality.md); "off" saves the request.
    SCRAPER_CROSS_CHECK: optionalString.pipe(z.enum(["on", "off"]).optional()).transform((value) => value !== "off"),
    SCRAPER_SLIDE_MAX_BYTES: intOr(20 * 1024 * 1024),
    SCRAPER_SLIDE_CONCURRENCY: intOr(5),
  })
  .superRefine((env, ctx) => {
    const building = env.NEXT_PHASE === "phase-production-build";
    if (env.NODE_ENV === "production" && !building && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "is required in production" });
    }
    if (env.NODE_ENV === "production" && !building) {
      const url = appUrlOf(env);
      if (!url) {
        ctx.addIssue({ code: "custom", path: ["NEXTAUTH_URL"], message: "is required in production (https://…; on Vercel it defaults to https://$VERCEL_URL)" });
      } else if (!url.startsWith("https://") && !env.ALLOW_INSECURE_COOKIES) {
        ctx.addIssue({ code: "custom", path: ["NEXTAUTH_URL"], message: "must be https in production (session cookies need Secure); set ALLOW_INSECURE_COOKIES=1 to accept http explicitly" });
      }
    }
    if (env.SUPABASE_URL && !env.SUPABASE_ANON_KEY) {
      ctx.addIssue({ code: "custom", path: ["SUPABASE_ANON_KEY"], message: "is required when SUPABASE_URL is set" });
    }
    // In dev mode the Inngest SDK skips signature checks: never in production.
    if (env.NODE_ENV === "production" && !building && env.INNGEST_DEV) {
      ctx.addIssue({ code: "custom", path: ["INNGEST_DEV"], message: "must not be set in production (it turns off request signing)" });
    }
    if (env.NODE_ENV === "production" && !building && env.INNGEST_EVENT_KEY && !env.INNGEST_SIGNING_KEY) {
      ctx.addIssue({ code: "custom", path: ["INNGEST_SIGNING_KEY"], message: "is required in production with Inngest" });
    }
    if (env.NODE_ENV === "production" && !building && (env.INNGEST_EVENT_KEY || env.INNGEST_SIGNING_KEY) && !inngestServeOriginOf(env)) {
      ctx.addIssue({ code: "custom", path: ["INNGEST_SERVE_ORIGIN"], message: "is required in production with Inngest (or set NEXTAUTH_URL)" });
    }
  });

// Development and tests may run without a configured secret; production refuses to start without one.
const DEVELOPMENT_AUTH_SECRET = "reach-development-only-secret-never-used-in-production";

export type Env = z.infer<typeof envSchema> & { authSecret: string; inngestServeOrigin: string | undefined; appUrl: string | undefined; concurrencyCap: number };

type ParsedEnv = z.infer<typeof envSchema>;

/** The app's public URL: NEXTAUTH_URL, else the deployment's own https URL on Vercel. */
export function appUrlOf(env: Pick<ParsedEnv, "NEXTAUTH_URL" | "VERCEL_URL">): string | undefined {
  return env.NEXTAUTH_URL ?? (env.VERCEL_URL ? `https://${env.VERCEL_URL}` : undefined);
}

/** Fixed by configuration, never taken from a request's Host header. */
export function inngestServeOriginOf(env: Pick<ParsedEnv, "INNGEST_SERVE_ORIGIN" | "NEXTAUTH_URL" | "VERCEL_URL">): string | undefined {
  const configured = env.INNGEST_SERVE_ORIGIN ?? env.NEXTAUTH_URL ?? (env.VERCEL_URL ? `https://${env.VERCEL_URL}` : undefined);
  return configured ? URL.parse(configured)?.origin : undefined;
}

/**
 * MAX_CONCURRENT_REQUESTS, else by engine. The embedded database runs its queries on the thread that
 * renders, so more than a few pages at once only lengthen the queue (4 × ~0.2 s); Postgres works beside it.
 */
export function concurrencyCapOf(env: Pick<ParsedEnv, "MAX_CONCURRENT_REQUESTS" | "DATABASE_URL">): number {
  return env.MAX_CONCURRENT_REQUESTS ?? (env.DATABASE_URL ? 16 : 4);
}

export class EnvError extends Error {
  override name = "EnvError";
}

/** Validates a raw environment; the message names every variable that is wrong and why. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) {
    return {
      ...result.data,
      authSecret: result.data.NEXTAUTH_SECRET ?? DEVELOPMENT_AUTH_SECRET,
      inngestServeOrigin: inngestServeOriginOf(result.data),
      appUrl: appUrlOf(result.data),
      concurrencyCap: concurrencyCapOf(result.data),
    };
  }
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(environment)"}: ${issue.message}`);
  throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}\nSee .env.example.`);
}

export const env: Env = parseEnv(process.env);
