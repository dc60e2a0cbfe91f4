import { describe, expect, it } from "vitest";
import { describeRetrying } from "./run-retrying";

describe("describeRetrying", () => {
  it("says which errors are being retried and which try comes next, over every batch", () => {
    const retrying = { b001: { next: 2, of: 3, codes: { network: 2 } }, b002: { next: 3, of: 3, codes: { rate_limited: 1 } } };
    expect(describeRetrying("running", retrying)).toBe("retrying: network errors, rate limited, attempt 3 of 3");
    expect(describeRetrying("running", { b001: { next: 2, of: 3, codes: { network: 1 } } })).toBe("retrying: network errors, attempt 2 of 3");
  });

  it("says nothing once the run has ended, or when no batch is retrying", () => {
    expect(describeRetrying("succeeded", { b001: { next: 2, of: 3, codes: { network: 1 } } })).toBeNull();
    expect(describeRetrying("running", {})).toBeNull();
    expect(describeRetrying("running", undefined)).toBeNull();
  });
});
