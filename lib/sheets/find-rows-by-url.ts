import type { OpenTab } from "./open-sheet-tab";
import { readRowPages } from "./read-row-pages";
import type { SheetsClient } from "./sheets-client";
import { sheetPostKey } from "./sheet-row";

export const URL_COLUMN_PAGE_ROWS = 10_000;

/** Re-reads the URL column now and returns each wanted key's current rows; memory grows with the wanted keys only. */
export async function findRowsByUrl(client: SheetsClient, spreadsheetId: string, open: OpenTab, wanted: ReadonlySet<string>): Promise<Map<string, number[]>> {
  const found = new Map<string, number[]>();
  const column = open.columns.url;
  const pages = readRowPages(client, { spreadsheetId, tab: open.tab.title, rowCount: open.tab.rowCount, firstColumn: column, lastColumn: column, pageSize: URL_COLUMN_PAGE_ROWS });
  for await (const rows of pages) {
    for (const { rowNumber, cells } of rows) {
      const key = sheetPostKey(cells[0] ?? "");
      if (!wanted.has(key)) continue;
      found.set(key, [...(found.get(key) ?? []), rowNumber]);
    }
  }
  return found;
}
