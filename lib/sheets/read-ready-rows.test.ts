import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { startGoogleWorld, type GoogleWorld } from "@/tests/fakes/google-sheets/google-world";
import { detectMapping } from "./header-mapping";
import { openSheetTab } from "./open-sheet-tab";
import { readReadyRows } from "./read-ready-rows";
import { createSheetsClient } from "./sheets-client";
import { DEFAULT_STATUS_VALUES } from "@/lib/domain/sheet-fields";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const ROWS = 50_000;
const HEADERS = ["TikTok URL", "Creator", "Set", "VA", "Type", "Status", "Views"];
const SPREADSHEET = "1FiftyThousandRows_abcdefghijk";
let world: GoogleWorld;

beforeAll(async () => {
  world = await startGoogleWorld();
  const rows = Array.from({ length: ROWS }, (_, index) => [
    `https://www.tiktok.com/@creator${index % 97}/video/${7_300_000_000_000_000_000n + BigInt(index)}`,
    `creator${index % 97}`,
    `set-${index % 13}`,
    `va-${index % 5}`,
    index % 3 === 0 ? "slideshow" : "video",
    index % 4 === 0 ? "Scraped" : " ready to SCRAPE ",
    "",
  ]);
  world.google.addSpreadsheet({
    spreadsheetId: SPREADSHEET,
    tabs: { Posts: [HEADERS, ...rows], "No URL": [["Creator", "Caption", "Status"]] },
    shares: { [world.account.email]: "writer" },
  });
});
afterAll(() => world.google.close());

describe("readReadyRows", () => {
  it(`reads a ${ROWS.toLocaleString("en-US")}-row sheet in pages with bounded memory`, async () => {
    const client = await createSheetsClient(world.config({ quota: { readsPerMinute: 10_000, writesPerMinute: 60 } }));
    const source = { spreadsheetId: SPREADSHEET, tab: "Posts", mapping: detectMapping(HEADERS), statusValues: { ...DEFAULT_STATUS_VALUES } };
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let ready = 0;
    let read = 0;
    let pages = 0;
    for await (const page of readReadyRows(client, source, { pageSize: 2_000 })) {
      pages += 1;
      ready += page.ready.length;
      read += page.rowsRead;
      expect(page.invalid).toEqual([]);
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
    }
    console.log(`50,000 rows: ${pages} pages, ${client.counters().readRequests} read requests, heap growth after GC at most ${(peak / 1024 / 1024).toFixed(1)} MB`);
    expect(read).toBe(ROWS);
    expect(ready).toBe(ROWS - ROWS / 4);
    expect(pages).toBe(25);
    // Holding every row would retain tens of MB; a page of 2,000 rows is a few hundred KB.
    expect(peak).toBeLessThan(16 * 1024 * 1024);
  });

  it("names the headers it found when there is no URL column", async () => {
    const client = await createSheetsClient(world.config());
    const headers = ["Creator", "Caption", "Status"];
    const error = await openSheetTab(client, { spreadsheetId: SPREADSHEET, tab: "No URL", mapping: detectMapping(headers), statusValues: { ...DEFAULT_STATUS_VALUES } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "invalid_input", message: expect.stringContaining('the header row has "Creator", "Caption", "Status"') });
  });

  it("names the tab and lists the tabs there are when the tab does not exist", async () => {
    const client = await createSheetsClient(world.config());
    await expect(openSheetTab(client, { spreadsheetId: SPREADSHEET, tab: "Postz", mapping: {}, statusValues: { ...DEFAULT_STATUS_VALUES } })).rejects.toMatchObject({
      code: "not_found",
      message: 'The tab "Postz" does not exist in "Untitled spreadsheet". Tabs: "Posts", "No URL".',
    });
  });
});
