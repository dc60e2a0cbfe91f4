import { z } from "zod";
import { columnLetter, quoteTab } from "./a1";
import { findRowsByUrl } from "./find-rows-by-url";
import type { WriteBackField } from "@/lib/domain/sheet-fields";
import { openSheetTab, type OpenTab, type SheetSourceConfig } from "./open-sheet-tab";
import type { SheetsClient } from "./sheets-client";
import { sheetPostKey } from "./sheet-row";

export type MetricField = Extract<WriteBackField, "views" | "likes" | "comments" | "shares" | "saves" | "slides">;

export interface PostResult {
  outcome: "done" | "failed";
  /** Plain language, for a failed post: "private post". */
  reason?: string;
  /** null or absent: not reported, and the cell is left as it is. */
  metrics?: Partial<Record<MetricField, number | null>>;
  scrapedAt?: Date;
}

export interface WriteBackSummary {
  rowsWritten: number;
  cellsWritten: number;
  writeRequests: number;
  /** Result URLs no row holds any more (deleted, or the URL edited): nothing was written for them. */
  missing: string[];
}

export interface WriteBackOptions {
  /** Rows per values.batchUpdate; one request counts once against the quota however many ranges it holds. */
  rowsPerRequest?: number;
}

const REASON_MAX = 500;
const batchUpdateSchema = z.object({ totalUpdatedCells: z.number().int().optional() });

type Cell = { column: number; value: string | number };

function formatScrapedAt(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function cellsFor(result: PostResult, open: OpenTab, source: SheetSourceConfig): Cell[] {
  const { columns } = open;
  const reason = (result.reason ?? "unknown error").slice(0, REASON_MAX);
  const cells: Cell[] = [];
  if (result.outcome === "done") cells.push({ column: columns.status, value: source.statusValues.done });
  else cells.push({ column: columns.status, value: columns.error === undefined ? `${source.statusValues.failed}: ${reason}` : source.statusValues.failed });
  if (columns.error !== undefined) cells.push({ column: columns.error, value: result.outcome === "done" ? "" : reason });
  if (columns.lastScraped !== undefined && result.scrapedAt) cells.push({ column: columns.lastScraped, value: formatScrapedAt(result.scrapedAt) });
  for (const [field, value] of Object.entries(result.metrics ?? {}) as [MetricField, number | null | undefined][]) {
    const column = columns[field];
    if (column !== undefined && typeof value === "number") cells.push({ column, value });
  }
  return cells;
}

/** Adjacent columns become one range (F7:J7); a gap starts another, so no cell between is touched. */
function rangesFor(tab: string, row: number, cells: Cell[]) {
  const sorted = [...new Map(cells.map((cell) => [cell.column, cell])).values()].sort((a, b) => a.column - b.column);
  const ranges: { range: string; values: (string | number)[][] }[] = [];
  let run: Cell[] = [];
  const flush = () => {
    const first = run[0];
    const last = run.at(-1);
    if (!first || !last) return;
    const span = first === last ? `${columnLetter(first.column)}${row}` : `${columnLetter(first.column)}${row}:${columnLetter(last.column)}${row}`;
    ranges.push({ range: `${quoteTab(tab)}!${span}`, values: [run.map((cell) => cell.value)] });
    run = [];
  };
  for (const cell of sorted) {
    if (run.length > 0 && cell.column !== (run.at(-1)?.column ?? -2) + 1) flush();
    run.push(cell);
  }
  flush();
  return ranges;
}

/**
 * Writes results back by post URL. Right before each request it re-reads the URL column and finds
 * each post's rows again, so rows inserted, deleted or sorted since the read get the right result;
 * only the status and the mapped write-back columns are written, with RAW (no formulas, no dates parsed).
 */
export async function writeBack(
  client: SheetsClient,
  source: SheetSourceConfig,
  results: ReadonlyMap<string, PostResult>,
  options: WriteBackOptions = {},
): Promise<WriteBackSummary> {
  const byKey = new Map<string, KeyedResult>();
  for (const [url, result] of results) byKey.set(sheetPostKey(url), { url, result });
  return writeBackByKey(client, source, byKey, options);
}

/** A result and the URL it was reported for (a row's URL cell, possibly cut short for reports). */
export interface KeyedResult {
  url: string;
  result: PostResult;
}

/** The same, for rows already keyed by sheetPostKey of their whole URL cell (rows that failed validation). */
export async function writeBackByKey(
  client: SheetsClient,
  source: SheetSourceConfig,
  byKey: ReadonlyMap<string, KeyedResult>,
  options: WriteBackOptions = {},
): Promise<WriteBackSummary> {
  const rowsPerRequest = options.rowsPerRequest ?? 500;
  const summary: WriteBackSummary = { rowsWritten: 0, cellsWritten: 0, writeRequests: 0, missing: [] };
  const keys = [...byKey.keys()];
  for (let start = 0; start < keys.length; start += rowsPerRequest) {
    const chunk = new Set(keys.slice(start, start + rowsPerRequest));
    const open = await openSheetTab(client, source);
    const rows = await findRowsByUrl(client, source.spreadsheetId, open, chunk);
    const data: { range: string; values: (string | number)[][] }[] = [];
    let rowCount = 0;
    for (const key of chunk) {
      const entry = byKey.get(key);
      const found = rows.get(key);
      if (!entry) continue;
      if (!found) {
        summary.missing.push(entry.url);
        continue;
      }
      const cells = cellsFor(entry.result, open, source);
      for (const row of found) data.push(...rangesFor(open.tab.title, row, cells));
      rowCount += found.length;
    }
    if (data.length === 0) continue;
    const response = await client.write({ spreadsheetId: source.spreadsheetId, tab: source.tab }, (api, callOptions) =>
      api.spreadsheets.values.batchUpdate({ spreadsheetId: source.spreadsheetId, requestBody: { valueInputOption: "RAW", data } }, callOptions),
    );
    summary.writeRequests += 1;
    summary.rowsWritten += rowCount;
    summary.cellsWritten += batchUpdateSchema.parse(response).totalUpdatedCells ?? 0;
  }
  return summary;
}
