import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { sheetSources } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";

/** Forgets the sheet; posts already read from it stay, and the sheet itself is not touched. */
export async function disconnectSheet(db: Db, input: { workspaceId: string; actorId: string; sheetId: string }): Promise<void> {
  const [row] = await db
    .delete(sheetSources)
    .where(and(eq(sheetSources.workspaceId, input.workspaceId), eq(sheetSources.id, input.sheetId)))
    .returning({ id: sheetSources.id, spreadsheetId: sheetSources.spreadsheetId, tab: sheetSources.tab });
  if (!row) throw new AppError("not_found", "No such sheet.");
  await recordAudit(db, { workspaceId: input.workspaceId, actorId: input.actorId, action: "sheet.disconnected", entity: "sheet_source", entityId: row.id, details: { spreadsheetId: row.spreadsheetId, tab: row.tab } });
}
