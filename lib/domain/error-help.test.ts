import { describe, expect, it } from "vitest";
import { SCRAPE_ERROR_CODES } from "@/lib/scrapers/errors";
import { ERROR_HELP, errorHelp } from "./error-help";

describe("error help on the Jobs page", () => {
  it("explains every scrape error code, with a next step", () => {
    for (const code of Object.keys(SCRAPE_ERROR_CODES)) {
      expect(ERROR_HELP[code], code).toBeDefined();
      expect(ERROR_HELP[code]?.next.length, code).toBeGreaterThan(10);
    }
  });

  it("tells where to set a key when a platform needs a login", () => {
    expect(errorHelp("login_required").next).toMatch(/X_BEARER_TOKEN/);
  });

  it("still says something for a code it does not know", () => {
    expect(errorHelp("sheet_gone")).toEqual({ reason: "An error without an explanation yet (sheet_gone).", next: "The server log has the details for this run." });
  });
});
