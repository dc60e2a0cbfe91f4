import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScrapeError } from "../errors";
import { redactUrl } from "./http-client";
import type { FixtureResponse } from "@/tests/scrapers/fixture-server";
import { UNTHROTTLED, startTestScraper, type TestScraper } from "@/tests/scrapers/test-scraper";

let t: TestScraper;
beforeAll(async () => {
  const route = (path: string, ...responses: FixtureResponse[]) => ({ host: "example.test", path, responses });
  // The timeout must pass for the slow answer and never for the others, however busy the machine is.
  const config = { timeoutMs: 1_500, maxRetries: 3, maxBodyBytes: 10 * 1024 * 1024, limits: { ...UNTHROTTLED, test: { perSecond: 10_000, concurrency: 8 } } };
  t = await startTestScraper(config, { extraRoutes: [
    route("/ok", { body: "<html>ok</html>" }),
    route("/flaky", { status: 503 }, { reset: true }, { delayMs: 10_000 }, { body: "fine" }),
    route("/down", { status: 502 }),
    route("/missing", { status: 404, body: "nope" }),
    route("/huge", { image: { format: "png", bytes: 50 * 1024 * 1024 } }),
    route("/moved", { status: 301, headers: { location: "https://example.test/ok" } }),
    route("/challenge", { status: 403, headers: { "cf-mitigated": "challenge" }, body: "<title>Just a moment...</title>" }),
    route("/forever-busy", { status: 429, headers: { "retry-after": "3600" } }),
  ] });
});
afterAll(() => t.close());

const get = (path: string, passStatuses?: number[]) =>
  t.ctx.http.get({ bucket: "test", url: `https://example.test${path}`, passStatuses });

async function failure(promise: Promise<unknown>): Promise<ScrapeError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ScrapeError);
  return error as ScrapeError;
}

describe("http client against the fixture server", () => {
  it("rewrites the origin and keeps the public URL", async () => {
    const response = await get("/ok");
    expect(response.status).toBe(200);
    expect(response.text).toContain("ok");
    expect(response.url).toBe("https://example.test/ok");
  });

  it("follows redirects through the override and reports the public final URL", async () => {
    const response = await get("/moved");
    expect(response.url).toBe("https://example.test/ok");
    expect(response.text).toContain("ok");
  });

  it("retries a 5xx, a reset and a slow answer, then succeeds", async () => {
    expect((await get("/flaky")).text).toBe("fine");
    expect(t.server.hits("example.test", "/flaky")).toBe(4);
  });

  it("gives up after the retry budget with a retryable network error", async () => {
    const error = await failure(get("/down"));
    expect(error.code).toBe("network");
    expect(error.retryable).toBe(true);
    expect(t.server.hits("example.test", "/down")).toBe(4);
  });

  it("tries a permanent 404 once", async () => {
    expect((await get("/missing", [404])).status).toBe(404);
    expect(t.server.hits("example.test", "/missing")).toBe(1);
  });

  it("refuses a 50 MB body with parse_error instead of buffering it", async () => {
    const error = await failure(get("/huge"));
    expect(error.code).toBe("parse_error");
    expect(error.message).toMatch(/larger than/);
  });

  it("reports a Cloudflare challenge as blocked without retrying", async () => {
    const error = await failure(get("/challenge"));
    expect(error.code).toBe("blocked");
    expect(t.server.hits("example.test", "/challenge")).toBe(1);
  });

  it("hands a Retry-After longer than it will wait back to the caller", async () => {
    const error = await failure(get("/forever-busy"));
    expect(error.code).toBe("rate_limited");
    expect(error.details.retryAfterMs).toBe(3_600_000);
    expect(t.server.hits("example.test", "/forever-busy")).toBe(1);
  });
});

describe("redactUrl", () => {
  it("hides API tokens in URLs that reach errors and logs", () => {
    expect(redactUrl("https://graph.threads.net/v1.0/profile_lookup?username=a&access_token=SECRET&x=1")).toBe(
      "https://graph.threads.net/v1.0/profile_lookup?username=a&access_token=…&x=1",
    );
    expect(redactUrl("https://youtube.googleapis.com/youtube/v3/channels?KEY=abc")).not.toContain("abc");
  });
});
