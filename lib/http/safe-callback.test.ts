import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/http/safe-callback";

describe("safeCallbackPath", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeCallbackPath("/demo/accounts?platform=x#top")).toBe("/demo/accounts?platform=x#top");
    expect(safeCallbackPath("/invite/abc")).toBe("/invite/abc");
  });
  it("refuses anything that leaves the site", () => {
    for (const value of ["//evil.com", "/\\evil.com", "/%09/evil.com", "/\t/evil.com", "https://evil.com", "evil.com", "", undefined, ["/a"], "/\\/evil.com"]) {
      const result = safeCallbackPath(value);
      expect(result, String(value)).toMatch(/^\/(?!\/)/);
      expect(new URL(result, "https://reach.example").origin, String(value)).toBe("https://reach.example");
    }
    expect(safeCallbackPath("//evil.com")).toBe("/");
    expect(safeCallbackPath("/\\evil.com")).toBe("/");
  });
});
