import { createHash } from "node:crypto";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScrapeError } from "../errors";
import { imageChunks } from "@/tests/scrapers/fixture-images";
import type { FixtureResponse } from "@/tests/scrapers/fixture-server";
import { startTestScraper, type TestScraper } from "@/tests/scrapers/test-scraper";
import { downloadSlide } from "./download-slide";

const A = "p16-sign-va.tiktokcdn-us.com";
const B = "p19-sign.tiktokcdn-us.com";
const FUTURE = "x-expires=4102444800&x-signature=Ab%2Bcd%3D";
const url = (host: string, name: string, query = FUTURE) => `https://${host}/obj/${name}.jpeg?${query}`;

let t: TestScraper;
beforeAll(async () => {
  const route = (host: string, name: string, ...responses: FixtureResponse[]) => ({ host, path: `/obj/${name}.jpeg`, responses });
  t = await startTestScraper(
    { slides: { maxBytes: 1024 * 1024 } },
    {
      extraRoutes: [
        route(A, "ok", { image: { format: "webp", bytes: 300_000 } }),
        route(A, "denied", { status: 403, body: "Access Denied" }),
        route(B, "denied", { image: { format: "png", bytes: 1000 } }),
        route(A, "gone", { status: 403, body: "Access Denied" }),
        route(B, "gone", { status: 403, body: "Access Denied" }),
        route(A, "html", { body: "<html>captcha</html>".padEnd(100, " ") }),
        route(A, "huge", { image: { format: "jpeg", bytes: 5 * 1024 * 1024 } }),
        route(A, "flaky", { status: 503 }, { reset: true }, { image: { format: "avif", bytes: 2000 } }),
      ],
    },
  );
});
afterAll(() => t.close());

/** A sink that keeps only a hash and a byte count, like an upload stream would. */
function hashingSink() {
  const hash = createHash("sha256");
  const state = { bytes: 0, sha256: "" };
  const sink = () =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        state.bytes += chunk.length;
        done();
      },
      final(done) {
        state.sha256 = hash.digest("hex");
        done();
      },
    });
  return { sink, state };
}

async function failure(promise: Promise<unknown>): Promise<ScrapeError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ScrapeError);
  return error as ScrapeError;
}

describe("downloadSlide", () => {
  it("streams the image to the sink with its type, size and sha256", async () => {
    const { sink, state } = hashingSink();
    const result = await downloadSlide([url(A, "ok")], sink, t.ctx);
    const expected = createHash("sha256");
    for (const chunk of imageChunks("webp", 300_000)) expected.update(chunk);
    expect(result).toEqual({ url: url(A, "ok"), type: "webp", bytes: 300_000, sha256: expected.digest("hex") });
    expect(state).toEqual({ bytes: 300_000, sha256: result.sha256 });
  });

  it("moves to the next mirror on 403", async () => {
    const result = await downloadSlide([url(A, "denied"), url(B, "denied")], hashingSink().sink, t.ctx);
    expect([result.url, result.type]).toEqual([url(B, "denied"), "png"]);
  });

  it("reports expired when every mirror refuses", async () => {
    const error = await failure(downloadSlide([url(A, "gone"), url(B, "gone")], hashingSink().sink, t.ctx));
    expect([error.code, error.retryable]).toEqual(["expired", true]);
    expect(t.server.hits(A, "/obj/gone.jpeg")).toBe(1);
  });

  it("reports expired without a request when x-expires is in the past", async () => {
    const past = url(A, "ok", "x-expires=1600000000&x-signature=abc");
    const before = t.server.hits(A, "/obj/ok.jpeg");
    expect((await failure(downloadSlide([past], hashingSink().sink, t.ctx))).code).toBe("expired");
    expect(t.server.hits(A, "/obj/ok.jpeg")).toBe(before);
  });

  it("refuses a body that is not an image before writing anything", async () => {
    const { sink, state } = hashingSink();
    expect((await failure(downloadSlide([url(A, "html")], sink, t.ctx))).code).toBe("parse_error");
    expect(state.bytes).toBe(0);
  });

  it("stops at the size cap", async () => {
    const error = await failure(downloadSlide([url(A, "huge")], hashingSink().sink, t.ctx));
    expect(error.code).toBe("parse_error");
    expect(error.message).toMatch(/larger than 1048576/);
  });

  it("retries 5xx and resets", async () => {
    const result = await downloadSlide([url(A, "flaky")], hashingSink().sink, t.ctx);
    expect([result.type, result.bytes]).toEqual(["avif", 2000]);
    expect(t.server.hits(A, "/obj/flaky.jpeg")).toBe(3);
  });
});
