import { describe, expect, it } from "vitest";
import { splitTags } from "./tags";

describe("splitTags", () => {
  it("accepts every separator, mixed, and drops blanks and repeats", () => {
    expect(splitTags(" agency; flagship ,health|agency;; ")).toEqual(["agency", "flagship", "health"]);
  });

  it("reads an empty field as no tags", () => {
    expect(splitTags("")).toEqual([]);
    expect(splitTags(" ; , | ")).toEqual([]);
  });
});
