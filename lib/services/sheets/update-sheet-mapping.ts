import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { sheetSources } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { statusValuesSchema } from "@/lib/sheets/status-values";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { getSheetSource } from "./get-sheet-source";
import { finalMapping, type SheetSettings } from "./sheet-settings";
import { sheetSourceColumns, toSheetSourceView, type SheetSourceView } from "./sheet-source-view";

/** Corrects the mapping, status values or name against the header row read when the sheet was last checked. */
export async function updateSheetMapping(db: Db, input: { workspaceId: string; actorId: string; sheetId: string; settings: SheetSettings }): Promise<SheetSourceView> {
  const current = await getSheetSource(db, { workspaceId: input.workspaceId, sheetId: input.sheetId });
  const { settings } = input;
  const [row] = await db
    .update(sheetSources)
    .set({
      headerMapping: settings.mapping ? finalMapping(current.mapping, settings.mapping, current.headers) : current.mapping,
      statusValues: statusValuesSchema.parse({ ...current.statusValues, ...settings.statusValues }),
      name: settings.name === undefined ? current.name : settings.name,
      updatedAt: new Date(),
    })
    .where(and(eq(sheetSources.workspaceId, input.workspaceId), eq(sheetSources.id, input.sheetId)))
    .returning(sheetSourceColumns);
  // An editor's update is hidden by RLS exactly as a stranger's is.
  if (!row) throw new AppError("not_found", "No such sheet.");
  await recordAudit(db, { workspaceId: input.workspaceId, actorId: input.actorId, action: "sheet.updated", entity: "sheet_source", entityId: row.id, details: { fields: Object.keys(settings) } });
  return toSheetSourceView(row);
}
