import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { ScrapeError } from "@/lib/scrapers/errors";
import { failureMessage } from "./failure-message";

const FALLBACK = "Planning failed; the details are in the server log.";

describe("failureMessage", () => {
  it("shows a permanent error's own words: the variable to set, the post that is private", () => {
    expect(failureMessage(new AppError("not_configured", "GOOGLE_APPLICATION_CREDENTIALS: cannot read /k.json (ENOENT)."), FALLBACK)).toBe("GOOGLE_APPLICATION_CREDENTIALS: cannot read /k.json (ENOENT).");
    expect(failureMessage(new ScrapeError("private", "this TikTok post is private"), FALLBACK)).toBe("this TikTok post is private");
  });

  it("recognizes Inngest's deserialized NonRetriableError by its name", () => {
    const deserialized = Object.assign(new Error("The tab \"Posts\" does not exist."), { name: "NonRetriableError" });
    expect(failureMessage(deserialized, FALLBACK)).toBe('The tab "Posts" does not exist.');
  });

  it("keeps retryable and unknown errors, which may carry SQL, in the server log", () => {
    expect(failureMessage(new Error('duplicate key value violates unique constraint "job_runs_pkey"'), FALLBACK)).toBe(FALLBACK);
    expect(failureMessage(new AppError("unavailable", "Supabase Storage upload failed: socket hang up"), FALLBACK)).toBe(FALLBACK);
  });
});
