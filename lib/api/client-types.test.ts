import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { API_CLIENT_TYPES_FILE, renderApiClientTypes } from "./client-types";

describe("the typed client", () => {
  it("is generated from the current document: run `npm run api:client` when this fails", async () => {
    expect(await readFile(API_CLIENT_TYPES_FILE, "utf8")).toBe(await renderApiClientTypes());
  });
});
