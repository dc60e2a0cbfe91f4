import { a1Range } from "./a1";
import type { SheetsClient } from "./sheets-client";
import { readValues } from "./read-values";

export interface SheetRowCells {
  /** 1-based, as the sheet shows it. */
  rowNumber: number;
  cells: string[];
}

export interface RowPagesOptions {
  spreadsheetId: string;
  tab: string;
  /** The tab's grid size: the last row that can hold data. */
  rowCount: number;
  /** 0-based index of the last column to read. */
  lastColumn: number;
  firstColumn?: number;
  firstRow?: number;
  pageSize?: number;
}

export const DEFAULT_PAGE_ROWS = 2_000;

/** One values.get per page of rows: memory stays at one page whatever the sheet's size. Blank rows are left out. */
export async function* readRowPages(client: SheetsClient, options: RowPagesOptions): AsyncGenerator<SheetRowCells[]> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_ROWS;
  const firstColumn = options.firstColumn ?? 0;
  for (let first = options.firstRow ?? 2; first <= options.rowCount; first += pageSize) {
    const last = Math.min(first + pageSize - 1, options.rowCount);
    const grid = await readValues(client, options.spreadsheetId, options.tab, a1Range(options.tab, firstColumn, first, options.lastColumn, last));
    const page: SheetRowCells[] = [];
    grid.forEach((cells, offset) => {
      if (cells.some((cell) => cell.trim() !== "")) page.push({ rowNumber: first + offset, cells });
    });
    yield page;
  }
}
