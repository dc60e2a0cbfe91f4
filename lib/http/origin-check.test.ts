import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertSameOrigin, isSameOrigin } from "./origin-check";

const APP = "https://reach.example.com";

function post(headers: Record<string, string>, url = `${APP}/api/v1/accounts`, method = "POST"): Request {
  return new Request(url, { method, headers });
}

describe("isSameOrigin with the configured app origin", () => {
  it("allows the app's own origin, whatever the path or trailing slash of NEXTAUTH_URL", () => {
    expect(isSameOrigin(post({ origin: APP }), APP)).toBe(true);
    expect(isSameOrigin(post({ origin: APP }), `${APP}/`)).toBe(true);
    expect(isSameOrigin(post({ origin: "https://REACH.example.com" }), APP)).toBe(true);
    expect(isSameOrigin(post({ origin: "https://reach.example.com:443" }), APP)).toBe(true);
  });

  it("refuses another site, a subdomain, a parent domain and a look-alike suffix", () => {
    expect(isSameOrigin(post({ origin: "https://evil.example" }), APP)).toBe(false);
    expect(isSameOrigin(post({ origin: "https://evil.reach.example.com" }), APP)).toBe(false);
    expect(isSameOrigin(post({ origin: "https://example.com" }), APP)).toBe(false);
    expect(isSameOrigin(post({ origin: "https://reach.example.com.evil.example" }), APP)).toBe(false);
  });

  it("refuses a port or scheme mismatch", () => {
    expect(isSameOrigin(post({ origin: "https://reach.example.com:8443" }), APP)).toBe(false);
    expect(isSameOrigin(post({ origin: "http://reach.example.com" }), APP)).toBe(false);
    expect(isSameOrigin(post({ origin: "http://localhost:3001" }), "http://localhost:3000")).toBe(false);
  });

  it("refuses Origin: null, opaque and malformed origins", () => {
    expect(isSameOrigin(post({ origin: "null" }), APP)).toBe(false);
    expect(isSameOrigin(post({ origin: "null", referer: `${APP}/settings` }), APP)).toBe(false);
    expect(isSameOrigin(post({ origin: "data:text/html,hi" }), APP)).toBe(false);
    expect(isSameOrigin(post({ origin: "not a url" }), APP)).toBe(false);
  });

  it("falls back to the Referer's origin when Origin is absent", () => {
    expect(isSameOrigin(post({ referer: `${APP}/demo/accounts?sort=growth` }), APP)).toBe(true);
    expect(isSameOrigin(post({ referer: "https://evil.example/reach.example.com" }), APP)).toBe(false);
    expect(isSameOrigin(post({ referer: "garbage" }), APP)).toBe(false);
  });

  it("refuses a mutating request with neither Origin nor Referer", () => {
    expect(isSameOrigin(post({}), APP)).toBe(false);
  });

  it("always allows GET, HEAD and OPTIONS, and checks every other method", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(isSameOrigin(post({ origin: "https://evil.example" }, APP, method), APP)).toBe(true);
    }
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(isSameOrigin(post({ origin: "https://evil.example" }, APP, method), APP)).toBe(false);
    }
  });
});

describe("isSameOrigin without a configured app origin", () => {
  it("derives the origin from Host and the request's scheme", () => {
    const url = "http://localhost:3000/api/v1/accounts";
    expect(isSameOrigin(post({ host: "localhost:3000", origin: "http://localhost:3000" }, url), undefined)).toBe(true);
    expect(isSameOrigin(post({ host: "localhost:3000", origin: "http://localhost:3001" }, url), undefined)).toBe(false);
    expect(isSameOrigin(post({ host: "localhost:3000", origin: "https://localhost:3000" }, url), undefined)).toBe(false);
  });

  it("uses X-Forwarded-Host and X-Forwarded-Proto behind a proxy", () => {
    const internal = "http://10.0.0.7:3000/api/v1/accounts";
    const behindProxy = { host: "10.0.0.7:3000", "x-forwarded-host": "reach.example.com", "x-forwarded-proto": "https" };
    expect(isSameOrigin(post({ ...behindProxy, origin: APP }, internal), undefined)).toBe(true);
    expect(isSameOrigin(post({ ...behindProxy, origin: "http://10.0.0.7:3000" }, internal), undefined)).toBe(false);
    expect(isSameOrigin(post({ ...behindProxy, origin: "http://reach.example.com" }, internal), undefined)).toBe(false);
  });

  it("takes the first value of a proxy chain's comma-separated headers", () => {
    const headers = { "x-forwarded-host": "reach.example.com, lb.internal", "x-forwarded-proto": "https, http", origin: APP };
    expect(isSameOrigin(post(headers, "http://10.0.0.7:3000/x"), undefined)).toBe(true);
  });

  it("prefers NEXTAUTH_URL over whatever the headers claim", () => {
    const spoofed = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", origin: "https://evil.example" };
    expect(isSameOrigin(post(spoofed), APP)).toBe(false);
    expect(isSameOrigin(post({ ...spoofed, origin: APP }), APP)).toBe(true);
  });
});

describe("assertSameOrigin", () => {
  it("throws a forbidden AppError for a cross-site request and passes a same-origin one", () => {
    expect(() => assertSameOrigin(post({ origin: APP }), APP)).not.toThrow();
    const thrown = (() => {
      try {
        assertSameOrigin(post({ origin: "https://evil.example" }), APP);
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: "forbidden", message: "Cross-site request refused." });
  });
});
