import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { sheetSources } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { sheetSourceColumns, toSheetSourceView, type SheetSourceView } from "./sheet-source-view";

/** One connected sheet of the workspace; the pipeline turns it into a SheetSourceConfig with toSheetSourceConfig. */
export async function getSheetSource(db: Db, { workspaceId, sheetId }: { workspaceId: string; sheetId: string }): Promise<SheetSourceView> {
  const [row] = await db
    .select(sheetSourceColumns)
    .from(sheetSources)
    .where(and(eq(sheetSources.workspaceId, workspaceId), eq(sheetSources.id, sheetId)));
  if (!row) throw new AppError("not_found", "No such sheet.");
  return toSheetSourceView(row);
}
