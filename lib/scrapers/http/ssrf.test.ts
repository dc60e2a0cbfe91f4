import type { LookupFunction } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCsv } from "@/lib/csv/read-csv";
import { previewAccountImport } from "@/lib/services/accounts/preview-account-import";
import { createTestDatabase, type TestDatabase } from "@/tests/db-harness";
import { startCountingServer } from "@/tests/counting-server";
import { createScraperConfig } from "../config";
import { createScraperContext, type ScraperContext } from "../context";
import { ScrapeError } from "../errors";
import { scrapeAccount } from "../scrape-account";

const INSIDE_INPUTS = ["probe@127.0.0.1", "user@10.0.0.1", "user@[::1]", "user@169.254.169.254", "user@localhost", "https://127.0.0.1/@user", "user@2130706433"];

function fixedLookup(table: Record<string, string>): LookupFunction {
  return (hostname, options, callback) => {
    const address = table[hostname];
    if (!address) return callback(Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }), "", 0);
    const family = address.includes(":") ? 6 : 4;
    if (options.all) return (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    return callback(null, address, family);
  };
}

async function failure(promise: Promise<unknown>): Promise<ScrapeError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ScrapeError);
  return error as ScrapeError;
}

describe("scrapers cannot be aimed at the network inside", () => {
  let inside: Awaited<ReturnType<typeof startCountingServer>>;
  let redirector: Awaited<ReturnType<typeof startCountingServer>>;
  let ctx: ScraperContext;
  let db: TestDatabase;
  let target = "";

  beforeAll(async () => {
    db = await createTestDatabase("pglite");
    inside = await startCountingServer();
    // Plays mastodon.social (an operator override): answers every lookup with a redirect to `target`.
    redirector = await startCountingServer((_req, res) => res.writeHead(302, { location: target }).end());
    ctx = createScraperContext(
      createScraperConfig({
        originOverrides: new Map([["mastodon.social", redirector.origin]]),
        maxRetries: 0,
        limits: { mastodon: { perSecond: 1000, concurrency: 4 } },
        timeoutMs: 2_000,
        browser: { enabled: false },
        lookup: fixedLookup({ "public.example": "127.0.0.1", "private.example": "10.0.0.1", "mapped.example": "::ffff:127.0.0.1" }),
      }),
    );
  });
  afterAll(async () => {
    await ctx.close();
    await Promise.all([inside.close(), redirector.close(), db.drop()]);
  });

  it("a CSV import refuses IP-literal and localhost instances with a clear reason", async () => {
    const csv = ["platform,handle", ...INSIDE_INPUTS.map((input) => `mastodon,${input}`)].join("\n");
    const preview = await previewAccountImport(db.connection.db, { workspaceId: "00000000-0000-4000-8000-000000000000", table: readCsv(new TextEncoder().encode(csv)) });
    expect(preview.invalid).toHaveLength(INSIDE_INPUTS.length);
    for (const row of preview.invalid) expect(row.reason).toMatch(/not (a public|an instance)/);
  });

  it.each(INSIDE_INPUTS)("scraping mastodon %s is invalid_input, with no connection", async (input) => {
    expect((await failure(scrapeAccount("mastodon", input, ctx))).code).toBe("invalid_input");
    expect(inside.connections()).toBe(0);
  });

  it.each(["public.example", "private.example", "mapped.example"])("a public-looking instance resolving inside (%s) fails blocked, with no connection", async (host) => {
    const error = await failure(scrapeAccount("mastodon", `probe@${host}`, ctx));
    expect(error.code).toBe("blocked");
    expect(error.message).toMatch(/not a public address/);
    expect(inside.connections()).toBe(0);
  });

  it("checks every redirect hop: to an IP literal, a name resolving inside, or a non-http scheme", async () => {
    for (const location of [`http://127.0.0.1:${inside.port}/`, `http://public.example:${inside.port}/`, `http://[::1]:${inside.port}/`, "file:///etc/passwd"]) {
      target = location;
      const error = await failure(scrapeAccount("mastodon", "probe@mastodon.social", ctx));
      expect(error.code, location).toBe("blocked");
    }
    expect(redirector.connections()).toBeGreaterThan(0);
    expect(inside.connections()).toBe(0);
  });
});
