import { describe, expect, it } from "vitest";
import { SCRAPE_ERROR_CODES, ScrapeError, toScrapeError } from "./errors";

describe("ScrapeError", () => {
  it("takes its retryable flag from the closed taxonomy", () => {
    expect(new ScrapeError("rate_limited", "x").retryable).toBe(true);
    expect(new ScrapeError("network", "x").retryable).toBe(true);
    expect(new ScrapeError("blocked", "x").retryable).toBe(true);
    expect(new ScrapeError("not_found", "x").retryable).toBe(false);
    expect(new ScrapeError("parse_error", "x").retryable).toBe(false);
    expect(Object.keys(SCRAPE_ERROR_CODES).sort()).toEqual(
      ["blocked", "config", "expired", "invalid_input", "login_required", "network", "not_found", "parse_error", "private", "rate_limited", "region_locked"].sort(),
    );
  });

  it("serialises to the CLI's error shape and wraps foreign errors as network", () => {
    expect(JSON.parse(JSON.stringify(new ScrapeError("private", "closed")))).toEqual({ code: "private", message: "closed", retryable: false });
    expect(toScrapeError(new Error("boom")).code).toBe("network");
  });
});
