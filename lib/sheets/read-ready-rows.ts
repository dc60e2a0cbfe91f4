import { openSheetTab, type SheetSourceConfig } from "./open-sheet-tab";
import { readRowPages } from "./read-row-pages";
import type { SheetsClient } from "./sheets-client";
import { parseSheetRow, type InvalidSheetRow, type SheetRow } from "./sheet-row";
import { statusMatches } from "./status-values";

export interface ReadyRowsPage {
  /** Non-blank rows in this page, ready or not. */
  rowsRead: number;
  ready: SheetRow[];
  /** Ready rows whose cells do not validate: each with a plain-language reason. */
  invalid: InvalidSheetRow[];
}

/** The rows whose status is the ready value, a page at a time; every other row is left alone. */
export async function* readReadyRows(client: SheetsClient, source: SheetSourceConfig, options: { pageSize?: number } = {}): AsyncGenerator<ReadyRowsPage> {
  const { tab, columns } = await openSheetTab(client, source);
  const lastColumn = Math.max(...Object.values(columns));
  for await (const rows of readRowPages(client, { spreadsheetId: source.spreadsheetId, tab: tab.title, rowCount: tab.rowCount, lastColumn, pageSize: options.pageSize })) {
    const page: ReadyRowsPage = { rowsRead: rows.length, ready: [], invalid: [] };
    for (const { rowNumber, cells } of rows) {
      if (!statusMatches(cells[columns.status], source.statusValues.ready)) continue;
      const parsed = parseSheetRow(rowNumber, cells, columns);
      if (parsed.ok) page.ready.push(parsed.row);
      else page.invalid.push(parsed.row);
    }
    yield page;
  }
}
