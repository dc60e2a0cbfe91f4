import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { sheetSources } from "@/lib/db/schema";
import { statusValuesSchema } from "@/lib/sheets/status-values";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { finalMapping, type SheetSettings } from "./sheet-settings";
import { sheetSourceColumns, toSheetSourceView, type SheetSourceView } from "./sheet-source-view";
import type { SheetInspection } from "./test-sheet-access";

export interface ConnectSheetInput {
  workspaceId: string;
  /** null for the CLI, which acts as the system. */
  actorId: string | null;
  inspection: SheetInspection;
  settings?: SheetSettings;
}

/** Stores a sheet whose access was just tested; connecting the same tab again updates it in place. */
export async function connectSheet(db: Db, input: ConnectSheetInput): Promise<SheetSourceView> {
  const { inspection, settings = {} } = input;
  const mapping = finalMapping(inspection.detected, settings.mapping, inspection.headers);
  const statusValues = statusValuesSchema.parse(settings.statusValues ?? {});
  const values = {
    name: settings.name ?? inspection.title,
    tabGid: inspection.tabGid,
    headers: inspection.headers,
    headerMapping: mapping,
    statusValues,
    serviceAccountEmail: inspection.serviceAccountEmail,
    lastCheckedAt: new Date(),
    lastError: null,
    updatedAt: new Date(),
  };
  const [row] = await db
    .insert(sheetSources)
    .values({ workspaceId: input.workspaceId, spreadsheetId: inspection.spreadsheetId, tab: inspection.tab, ...values })
    .onConflictDoUpdate({ target: [sheetSources.workspaceId, sheetSources.spreadsheetId, sheetSources.tab], set: values })
    .returning({ ...sheetSourceColumns, inserted: sql<boolean>`(xmax = 0)` });
  if (!row) throw new Error("insert returned no row");
  const { inserted, ...view } = row;
  await recordAudit(db, {
    workspaceId: input.workspaceId,
    actorId: input.actorId,
    action: inserted ? "sheet.connected" : "sheet.updated",
    entity: "sheet_source",
    entityId: row.id,
    details: { spreadsheetId: inspection.spreadsheetId, tab: inspection.tab },
  });
  return toSheetSourceView(view);
}
