import { asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { sheetSources } from "@/lib/db/schema";
import { sheetSourceColumns, toSheetSourceView, type SheetSourceView } from "./sheet-source-view";

export async function listSheets(db: Db, workspaceId: string): Promise<SheetSourceView[]> {
  const rows = await db.select(sheetSourceColumns).from(sheetSources).where(eq(sheetSources.workspaceId, workspaceId)).orderBy(asc(sheetSources.createdAt));
  return rows.map(toSheetSourceView);
}
