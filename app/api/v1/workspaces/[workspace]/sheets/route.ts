import { pageOfList } from "@/lib/api/cursor";
import * as ops from "@/lib/api/routes/sheets";
import { listResult, workspaceRoute } from "@/lib/http/workspace-route";
import { describeServiceAccount, getSheetsClient } from "@/lib/sheets/process-sheets-client";
import { connectSheet } from "@/lib/services/sheets/connect-sheet";
import { listSheets } from "@/lib/services/sheets/list-sheets";
import { testSheetAccess } from "@/lib/services/sheets/test-sheet-access";

/** GET /api/v1/workspaces/:workspace/sheets — the connected sheets; meta.service_account is the account to share with (admins). */
export const GET = workspaceRoute({ operation: ops.listSheets }, async ({ tx, workspace, query }) =>
  listResult(pageOfList(await listSheets(tx, workspace.id), query, (sheet) => sheet.id), { service_account: describeServiceAccount() }),
);

/** POST — connect a sheet: access is tested again (outside the transaction), then the mapping is stored; 201. */
export const POST = workspaceRoute(
  { operation: ops.connectSheet, prepare: async ({ body }) => testSheetAccess(await getSheetsClient(), body) },
  async ({ tx, workspace, claims, body, prepared }) => ({
    data: await connectSheet(tx, { workspaceId: workspace.id, actorId: claims.sub, inspection: prepared, settings: body }),
  }),
);
