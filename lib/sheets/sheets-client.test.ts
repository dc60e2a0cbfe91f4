import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { startGoogleWorld, type GoogleWorld } from "@/tests/fakes/google-sheets/google-world";
import { generateServiceAccount } from "@/tests/fakes/google-sheets/service-account-key";
import { parseServiceAccountKey } from "./service-account-key";
import { createSheetsClient } from "./sheets-client";
import { openSpreadsheet } from "./open-spreadsheet";
import { readHeaderRow } from "./read-header-row";

const ID = "1SheetIdForClientTests_abcdefghij";
let world: GoogleWorld;

beforeAll(async () => {
  world = await startGoogleWorld();
  world.google.addSpreadsheet({
    spreadsheetId: ID,
    title: "Posts",
    tabs: { "Posts 2026": [["TikTok URL", "Status"], ["https://www.tiktok.com/@a/video/7300000000000000001", "Ready to Scrape"]], Other: [] },
    shares: { [world.account.email]: "writer" },
  });
  world.google.addSpreadsheet({ spreadsheetId: "1NotSharedSheet_abcdefghijklmn", tabs: { Sheet1: [["URL"]] } });
});
afterAll(() => world.google.close());

describe("the Sheets client against the fake Google", () => {
  it("exchanges a signed service-account JWT for a token, then reads metadata and the header row", async () => {
    const client = await createSheetsClient(world.config());
    const metadata = await openSpreadsheet(client, ID);
    expect(metadata.title).toBe("Posts");
    expect(metadata.tabs.map((tab) => [tab.title, tab.rowCount])).toEqual([["Posts 2026", 1000], ["Other", 1000]]);
    expect(await readHeaderRow(client, ID, "Posts 2026")).toEqual(["TikTok URL", "Status"]);
    expect(world.google.requests().filter((entry) => entry.kind === "token").map((entry) => entry.status)).toContain(200);
    expect(client.counters()).toMatchObject({ readRequests: 2, writeRequests: 0, rateLimited: 0 });
  });

  it("is refused a token when the key is not the one Google knows (a forged signature)", async () => {
    const impostor = parseServiceAccountKey(generateServiceAccount(world.account.email).json);
    if (!impostor.ok) throw new Error(impostor.problem);
    const client = await createSheetsClient(world.config({ key: impostor.key }));
    const error = await openSpreadsheet(client, ID).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("permission_denied");
    expect((error as AppError).message).toContain("Invalid JWT Signature");
    expect((error as AppError).message).not.toContain("PRIVATE KEY");
  });

  it("maps 404, 403 and a missing tab to the taxonomy, naming the service account to share with", async () => {
    const client = await createSheetsClient(world.config());
    await expect(openSpreadsheet(client, "1NoSuchSpreadsheet_abcdefghijk")).rejects.toMatchObject({ code: "not_found" });
    const denied = (await openSpreadsheet(client, "1NotSharedSheet_abcdefghijklmn").catch((caught: unknown) => caught)) as AppError;
    expect(denied).toMatchObject({ code: "permission_denied" });
    expect(denied.message).toContain(`Share the sheet with ${world.account.email}`);
    const missing = (await readHeaderRow(client, ID, "Nope").catch((caught: unknown) => caught)) as AppError;
    expect(missing).toMatchObject({ code: "not_found" });
    expect(missing.message).toContain('The tab "Nope" does not exist');
  });

  it("retries a 429 RESOURCE_EXHAUSTED with backoff and counts it", async () => {
    const client = await createSheetsClient(world.config());
    world.google.failNext("read", { times: 2 });
    expect(await readHeaderRow(client, ID, "Posts 2026")).toEqual(["TikTok URL", "Status"]);
    expect(client.counters()).toMatchObject({ rateLimited: 2, retries: 2 });
  });

  it("gives up after the configured retries with rate_limited", async () => {
    const client = await createSheetsClient(world.config({ retry: { retries: 1, minTimeoutMs: 1, maxTimeoutMs: 2 } }));
    world.google.failNext("read", { times: 5 });
    await expect(readHeaderRow(client, ID, "Posts 2026")).rejects.toMatchObject({ code: "rate_limited" });
    world.google.failNext("read", { times: 0 });
  });
});
