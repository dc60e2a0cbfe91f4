import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirectUrl } from "@/lib/http/safe-callback";

const ORIGIN = "https://reach.example";

function expectSameOrigin(result: string, input: unknown) {
  expect(result, String(input)).toMatch(/^\/(?![/\\])/);
  expect(new URL(result, ORIGIN).origin, String(input)).toBe(ORIGIN);
  // Another pass changes nothing, so a second redirect layer cannot reinterpret it.
  expect(safeCallbackPath(result), String(input)).toBe(result);
}

const ATTACKS = [
  "//evil.com",
  "/\\evil.com",
  "/\\/evil.com",
  "\\\\evil.com",
  "/.//evil.com",
  "/./\\evil.com",
  "/%2e//evil.com",
  "/%2E%2E//evil.com",
  "/a/..//evil.com",
  "/a/../..//evil.com",
  "/%2f%2fevil.com",
  "/%2F/evil.com",
  "/%5cevil.com",
  "/%5C%5Cevil.com",
  "/%252f%252fevil.com",
  "https:evil.com",
  "https:/evil.com",
  "https://evil.com",
  "javascript:alert(1)",
  "/\t/evil.com",
  "/%09/evil.com",
  "/\n/evil.com",
  "/%0a/evil.com",
  "/\r\n//evil.com",
  " //evil.com",
  "evil.com",
  "",
  "/%",
];

describe("safeCallbackPath", () => {
  it("keeps same-site paths with their query and hash", () => {
    expect(safeCallbackPath("/demo/accounts?platform=x#top")).toBe("/demo/accounts?platform=x#top");
    expect(safeCallbackPath("/invite/abc")).toBe("/invite/abc");
    expect(safeCallbackPath("/a/./b/../c")).toBe("/a/c");
  });

  it.each(ATTACKS)("refuses %j", (value) => {
    const result = safeCallbackPath(value);
    expectSameOrigin(result, value);
    expect(result).toBe("/");
  });

  it("refuses non-strings", () => {
    for (const value of [undefined, null, 42, ["/a"], { toString: () => "/a" }]) expect(safeCallbackPath(value)).toBe("/");
  });

  it("never yields another origin for generated strings", () => {
    const pieces = fc.constantFrom("/", "\\", ".", "..", "%2e", "%2f", "%5c", "%252f", "\t", "\n", "%09", "evil.com", "a", "?", "#", ":", "https:", "@", "%00", " ");
    const crafted = fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.oneof(crafted, fc.string(), fc.webUrl(), fc.webPath()), (input) => {
        expectSameOrigin(safeCallbackPath(input), input);
      }),
      { numRuns: 5000 },
    );
  });

  it("keeps generated same-site paths that are already clean", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z0-9-]{1,8}$/), { minLength: 1, maxLength: 5 }), (segments) => {
        const path = `/${segments.join("/")}`;
        expect(safeCallbackPath(path)).toBe(path);
      }),
    );
  });
});

describe("safeRedirectUrl (next-auth's redirect callback)", () => {
  it("keeps same-origin URLs and sends everything else home", () => {
    expect(safeRedirectUrl(`${ORIGIN}/demo?x=1`, ORIGIN)).toBe(`${ORIGIN}/demo?x=1`);
    expect(safeRedirectUrl("/demo", ORIGIN)).toBe(`${ORIGIN}/demo`);
    for (const attack of [...ATTACKS, "https://evil.com/demo", `${ORIGIN}.evil.com/`, `${ORIGIN}//evil.com`]) {
      expect(new URL(safeRedirectUrl(attack, ORIGIN)).origin, attack).toBe(ORIGIN);
    }
  });
});
