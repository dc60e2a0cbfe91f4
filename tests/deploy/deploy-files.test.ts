import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { envSchema, parseEnv } from "@/lib/env";

// There is no Docker engine on the build machine: these check the files against what lib/env.ts knows.
const KNOWN = new Set(Object.keys(envSchema.shape));
// Read by Next itself or by the Node image, not by Reach.
const PLATFORM = new Set(["PORT", "HOSTNAME"]);

interface ComposeService {
  environment?: Record<string, string | number | boolean | null>;
  command?: string[];
}

async function compose(): Promise<Record<string, ComposeService>> {
  return (parse(await readFile("docker-compose.yml", "utf8")) as { services: Record<string, ComposeService> }).services;
}

/** Compose's interpolation with every required `${VAR:?…}` given a plausible value and `${VAR:-x}` its default. */
function interpolate(value: string): string {
  return value.replace(/\$\{([A-Z0-9_]+)(:\?[^}]*|:-([^}]*))?\}/g, (_, name: string, modifier: string | undefined, fallback: string | undefined) => {
    if (modifier?.startsWith(":-")) return fallback ?? "";
    const samples: Record<string, string> = { NEXTAUTH_URL: "https://reach.example.org", INNGEST_SIGNING_KEY: "signkey-prod-0123456789abcdef" };
    return samples[name] ?? `sample-${name.toLowerCase()}-0123456789abcdef0123456789`;
  });
}

describe("docker-compose.yml", () => {
  it.each(["app", "tools"])("sets only variables that lib/env.ts knows on %s", async (name) => {
    const service = (await compose())[name];
    const names = Object.keys(service?.environment ?? {});
    expect(names.length).toBeGreaterThan(5);
    expect(names.filter((variable) => !KNOWN.has(variable) && !PLATFORM.has(variable))).toEqual([]);
    const environment = Object.fromEntries(Object.entries(service?.environment ?? {}).map(([variable, value]) => [variable, interpolate(String(value ?? ""))]));
    expect(parseEnv(environment).NODE_ENV).toBe("production");
  });

  it("gives the app every variable production requires: lib/env.ts accepts its environment", async () => {
    const app = (await compose()).app;
    const environment = Object.fromEntries(Object.entries(app?.environment ?? {}).map(([name, value]) => [name, interpolate(String(value ?? ""))]));
    const parsed = parseEnv(environment);
    expect(parsed.NODE_ENV).toBe("production");
    expect(parsed.DATABASE_URL).toMatch(/^postgres:\/\/reach:.+@postgres:5432\/reach$/);
    expect(parsed.INNGEST_BASE_URL).toBe("http://inngest:8288");
    expect(parsed.inngestServeOrigin).toBe("http://app:3000");
    expect(parsed.REDIS_URL).toBe("redis://redis:6379/0");
  });

  it("refuses, as production does, an app environment without its secret", async () => {
    const app = (await compose()).app;
    const environment = Object.fromEntries(Object.entries(app?.environment ?? {}).map(([name, value]) => [name, interpolate(String(value ?? ""))]));
    expect(() => parseEnv({ ...environment, NEXTAUTH_SECRET: undefined })).toThrow(/NEXTAUTH_SECRET: is required in production/);
  });

  it("runs the Inngest server against the app's serve route with the same keys", async () => {
    const services = await compose();
    expect(services.inngest?.command).toEqual(["inngest", "start", "--sdk-url", "http://app:3000/api/inngest"]);
    expect(services.inngest?.environment?.INNGEST_SIGNING_KEY).toBe(services.app?.environment?.INNGEST_SIGNING_KEY);
    expect(services.inngest?.environment?.INNGEST_EVENT_KEY).toBe(services.app?.environment?.INNGEST_EVENT_KEY);
    expect(Object.keys(services).sort()).toEqual(["app", "browser", "inngest", "postgres", "redis", "tools"]);
    expect(services.tools?.environment?.DATABASE_URL).toBe(services.app?.environment?.DATABASE_URL);
  });
});

describe("Dockerfile", () => {
  it("builds in stages, runs the standalone server as a non-root user, and checks liveness", async () => {
    const text = await readFile("Dockerfile", "utf8");
    expect(text.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(3);
    expect(text).toMatch(/NEXT_OUTPUT=standalone/);
    expect(text).toMatch(/^USER reach$/m);
    expect(text).toMatch(/^HEALTHCHECK [\s\S]*\/api\/health/m);
    expect(text).toMatch(/^CMD \["node", "server\.js"\]$/m);
    const ignored = (await readFile(".dockerignore", "utf8")).split("\n");
    expect(ignored).toEqual(expect.arrayContaining(["node_modules", ".data", ".env"]));
  });
});
