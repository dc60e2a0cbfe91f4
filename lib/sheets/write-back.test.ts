import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { diffCells, type FakeCell } from "@/tests/fakes/google-sheets/fake-spreadsheet";
import { startGoogleWorld, type GoogleWorld } from "@/tests/fakes/google-sheets/google-world";
import { detectMapping } from "./header-mapping";
import type { SheetSourceConfig } from "./open-sheet-tab";
import { readReadyRows } from "./read-ready-rows";
import { createSheetsClient, type SheetsClient } from "./sheets-client";
import { DEFAULT_STATUS_VALUES } from "@/lib/domain/sheet-fields";
import { writeBack, type PostResult } from "./write-back";

const HEADERS = ["TikTok URL", "Creator", "Caption", "Status", "Views", "Likes", "Notes", "Last scraped"];
const post = (n: number) => `https://www.tiktok.com/@reach.demo/video/73000000000000${String(n).padStart(5, "0")}`;
const READY = "Ready to Scrape";
let world: GoogleWorld;
let client: SheetsClient;
let sequence = 0;

function sheet(rows: FakeCell[][], headers = HEADERS): SheetSourceConfig {
  const spreadsheetId = `1WriteBackSheet_${String(++sequence).padStart(14, "0")}`;
  world.google.addSpreadsheet({ spreadsheetId, tabs: { Posts: [headers, ...rows] }, shares: { [world.account.email]: "writer" } });
  return { spreadsheetId, tab: "Posts", mapping: detectMapping(headers), statusValues: { ...DEFAULT_STATUS_VALUES } };
}

async function readAll(source: SheetSourceConfig) {
  const ready = [];
  for await (const page of readReadyRows(client, source)) ready.push(...page.ready);
  return ready;
}

const done = (views: number): PostResult => ({ outcome: "done", metrics: { views, likes: views / 10 }, scrapedAt: new Date("2026-03-01T08:30:00Z") });

beforeAll(async () => {
  world = await startGoogleWorld();
});
beforeEach(async () => {
  client = await createSheetsClient(world.config({ quota: { readsPerMinute: 10_000, writesPerMinute: 10_000 } }));
});
afterAll(() => world.google.close());

describe("writeBack", () => {
  it("lands results in the right rows after a row is inserted above the data, touching only the given cells", async () => {
    const source = sheet([
      [post(1), "ana", "first caption", READY],
      [post(2), "ben", "second", "Scraped", 5, 1, "", "2026-02-01"],
      [post(3), "cai", "third", READY],
    ]);
    const ready = await readAll(source);
    expect(ready.map((row) => [row.rowNumber, row.url])).toEqual([[2, post(1)], [4, post(3)]]);

    const tab = world.google.tab(source.spreadsheetId, "Posts");
    tab.insertRows(2, [[post(9), "someone", "typed while we scraped", "Draft"]]);
    const before = tab.snapshot();
    const summary = await writeBack(client, source, new Map([[ready[0]?.url ?? "", done(1000)], [ready[1]?.url ?? "", { outcome: "failed", reason: "private post" }]]));

    expect(summary).toMatchObject({ rowsWritten: 2, writeRequests: 1, missing: [] });
    expect(diffCells(before, tab.snapshot()).sort()).toEqual(
      [
        'D3: "Ready to Scrape" → "Scraped"',
        'E3: "" → 1000',
        'F3: "" → 100',
        'H3: "" → "2026-03-01 08:30 UTC"',
        'D5: "Ready to Scrape" → "Failed"',
        'G5: "" → "private post"',
      ].sort(),
    );
  });

  it("writes both rows of a URL that appears twice, and skips a row deleted since the read", async () => {
    const source = sheet([
      [post(1), "ana", "", READY],
      [post(2), "ben", "", READY],
      [`${post(1)}?is_from_webapp=1`, "ana again", "", READY],
    ]);
    const ready = await readAll(source);
    const tab = world.google.tab(source.spreadsheetId, "Posts");
    tab.deleteRows(3);
    const before = tab.snapshot();
    const results = new Map(ready.map((row) => [row.url, done(row.rowNumber)]));
    const summary = await writeBack(client, source, results);
    expect(summary.missing).toEqual([post(2)]);
    expect(summary.rowsWritten).toBe(2);
    expect(tab.get("D2")).toBe("Scraped");
    expect(tab.get("D3")).toBe("Scraped");
    expect(diffCells(before, tab.snapshot()).filter((change) => !/^[DEFH][23]:/.test(change))).toEqual([]);
  });

  it("follows rows through a sort between the read and the write", async () => {
    const source = sheet([
      [post(3), "cai", "", READY],
      [post(1), "ana", "", READY],
      [post(2), "ben", "", READY],
    ]);
    const ready = await readAll(source);
    world.google.tab(source.spreadsheetId, "Posts").sortBy(0);
    await writeBack(client, source, new Map(ready.map((row) => [row.url, done(Number(row.url.slice(-1)) * 100)])));
    const tab = world.google.tab(source.spreadsheetId, "Posts");
    expect([tab.get("A2"), tab.get("E2"), tab.get("A4"), tab.get("E4")]).toEqual([post(1), 100, post(3), 300]);
  });

  it("puts the reason into the status cell when no error column is mapped", async () => {
    const source = sheet([[post(1), READY]], ["URL", "Status"]);
    await writeBack(client, source, new Map([[post(1), { outcome: "failed", reason: "private post" }]]));
    expect(world.google.tab(source.spreadsheetId, "Posts").get("B2")).toBe("Failed: private post");
  });

  it("retries a 429 RESOURCE_EXHAUSTED on the write and writes once", async () => {
    const source = sheet([[post(1), "ana", "", READY]]);
    world.google.failNext("write");
    const writesBefore = world.google.count("write");
    await writeBack(client, source, new Map([[post(1), done(7)]]));
    expect(client.counters()).toMatchObject({ rateLimited: 1, writeRequests: 2 });
    expect(world.google.count("write") - writesBefore).toBe(2);
    expect(world.google.tab(source.spreadsheetId, "Posts").get("E2")).toBe(7);
  });

  it("batches many rows per request", async () => {
    const rows = Array.from({ length: 1_200 }, (_, index) => [post(index + 1), "ana", "", READY]);
    const source = sheet(rows);
    const results = new Map(rows.map((row, index) => [String(row[0]), done(index)]));
    const summary = await writeBack(client, source, results, { rowsPerRequest: 500 });
    expect(summary).toMatchObject({ rowsWritten: 1_200, writeRequests: 3, missing: [] });
    expect(world.google.tab(source.spreadsheetId, "Posts").get("E1201")).toBe(1_199);
  });

  it("names the service account when the sheet is shared read-only", async () => {
    const spreadsheetId = "1ReadOnlySheet_abcdefghijklmno";
    world.google.addSpreadsheet({ spreadsheetId, tabs: { Posts: [["URL", "Status"], [post(1), READY]] }, shares: { [world.account.email]: "reader" } });
    const source = { spreadsheetId, tab: "Posts", mapping: { url: "URL", status: "Status" }, statusValues: { ...DEFAULT_STATUS_VALUES } };
    await expect(writeBack(client, source, new Map([[post(1), done(1)]]))).rejects.toMatchObject({
      code: "permission_denied",
      message: expect.stringContaining(world.account.email),
    });
  });
});
