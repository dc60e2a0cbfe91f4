import { z } from "zod";
import { sheetSources } from "@/lib/db/schema";
import { headerMappingSchema, type HeaderMapping } from "@/lib/sheets/header-mapping";
import type { SheetSourceConfig } from "@/lib/sheets/open-sheet-tab";
import { statusValuesSchema, type StatusValues } from "@/lib/sheets/status-values";

export interface SheetSourceView {
  id: string;
  spreadsheetId: string;
  tab: string;
  name: string | null;
  headers: string[];
  mapping: HeaderMapping;
  statusValues: StatusValues;
  serviceAccountEmail: string | null;
  lastCheckedAt: Date | null;
  lastSyncedAt: Date | null;
  lastError: string | null;
}

export const sheetSourceColumns = {
  id: sheetSources.id,
  spreadsheetId: sheetSources.spreadsheetId,
  tab: sheetSources.tab,
  name: sheetSources.name,
  headers: sheetSources.headers,
  headerMapping: sheetSources.headerMapping,
  statusValues: sheetSources.statusValues,
  serviceAccountEmail: sheetSources.serviceAccountEmail,
  lastCheckedAt: sheetSources.lastCheckedAt,
  lastSyncedAt: sheetSources.lastSyncedAt,
  lastError: sheetSources.lastError,
};

type Row = Omit<SheetSourceView, "mapping" | "statusValues" | "headers"> & { headers: unknown; headerMapping: unknown; statusValues: unknown };

/** The jsonb columns are parsed on the way out: a hand-edited row cannot reach the pipeline malformed. */
export function toSheetSourceView(row: Row): SheetSourceView {
  const { headerMapping, ...rest } = row;
  return {
    ...rest,
    headers: z.array(z.string()).catch([]).parse(row.headers),
    mapping: headerMappingSchema.catch({}).parse(headerMapping),
    statusValues: statusValuesSchema.parse(row.statusValues ?? {}),
  };
}

export function toSheetSourceConfig(view: SheetSourceView): SheetSourceConfig {
  return { spreadsheetId: view.spreadsheetId, tab: view.tab, mapping: view.mapping, statusValues: view.statusValues };
}
