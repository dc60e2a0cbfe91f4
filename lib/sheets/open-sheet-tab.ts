import { AppError } from "@/lib/errors";
import { FIELD_SYNONYMS } from "@/lib/domain/sheet-fields";
import { resolveColumns, type ColumnIndexes, type HeaderMapping } from "./header-mapping";
import { openSpreadsheet, type SheetTab } from "./open-spreadsheet";
import { readHeaderRow } from "./read-header-row";
import type { SheetsClient } from "./sheets-client";
import type { StatusValues } from "./status-values";

/** What a connected sheet needs to be read and written: where, how its columns map, what status means. */
export interface SheetSourceConfig {
  spreadsheetId: string;
  tab: string;
  mapping: HeaderMapping;
  statusValues: StatusValues;
}

export interface OpenTab {
  tab: SheetTab;
  headers: string[];
  /** url and status are always present. */
  columns: ColumnIndexes & { url: number; status: number };
  /** Mapped headers no longer in row 1 (renamed or deleted): their cells are neither read nor written. */
  missing: string[];
}

function listHeaders(headers: readonly string[]): string {
  const named = headers.map((header) => header.trim()).filter(Boolean);
  return named.length > 0 ? named.map((header) => `"${header}"`).join(", ") : "none (row 1 is empty)";
}

export function noUrlColumnError(headers: readonly string[]): AppError {
  return new AppError(
    "invalid_input",
    `No post URL column: the header row has ${listHeaders(headers)}. Name one column ${FIELD_SYNONYMS.url.map((name) => `"${name}"`).join(", ")}, or map it by hand.`,
    { headers: [...headers] },
  );
}

/** Metadata and row 1 read now: columns are found by header name every time, so moved columns still map. */
export async function openSheetTab(client: SheetsClient, source: SheetSourceConfig): Promise<OpenTab> {
  const metadata = await openSpreadsheet(client, source.spreadsheetId);
  const tab = metadata.tabs.find((candidate) => candidate.title === source.tab);
  if (!tab) {
    throw new AppError("not_found", `The tab "${source.tab}" does not exist in "${metadata.title}". Tabs: ${metadata.tabs.map((t) => `"${t.title}"`).join(", ")}.`, {
      tab: source.tab,
      tabs: metadata.tabs.map((t) => t.title),
    });
  }
  const headers = await readHeaderRow(client, source.spreadsheetId, tab.title);
  const { columns, missing } = resolveColumns(source.mapping, headers);
  if (columns.url === undefined) throw noUrlColumnError(headers);
  if (columns.status === undefined) {
    throw new AppError("invalid_input", `No status column: the header row has ${listHeaders(headers)}. Add a "Status" column or map one.`, { headers });
  }
  return { tab, headers, missing, columns: { ...columns, url: columns.url, status: columns.status } };
}
