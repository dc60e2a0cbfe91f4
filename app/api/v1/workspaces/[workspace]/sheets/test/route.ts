import { testSheet } from "@/lib/api/routes/sheets";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { getSheetsClient } from "@/lib/sheets/process-sheets-client";
import { testSheetAccess } from "@/lib/services/sheets/test-sheet-access";

/** POST /api/v1/workspaces/:workspace/sheets/test — open the sheet, read row 1, detect the mapping; stores nothing. */
export const POST = workspaceRoute(
  { operation: testSheet, prepare: async ({ body }) => testSheetAccess(await getSheetsClient(), body) },
  async ({ prepared }) => ({ data: prepared }),
);
