import * as ops from "@/lib/api/routes/sheets";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { disconnectSheet } from "@/lib/services/sheets/disconnect-sheet";
import { updateSheetMapping } from "@/lib/services/sheets/update-sheet-mapping";

/** PATCH /api/v1/workspaces/:workspace/sheets/:sheetId — correct the mapping, status values or name (admins). */
export const PATCH = workspaceRoute({ operation: ops.updateSheet }, async ({ tx, workspace, claims, params: { sheetId }, body }) => ({
  data: await updateSheetMapping(tx, { workspaceId: workspace.id, actorId: claims.sub, sheetId, settings: body }),
}));

/** DELETE — disconnect; the sheet itself is not touched. */
export const DELETE = workspaceRoute({ operation: ops.disconnectSheet }, async ({ tx, workspace, claims, params: { sheetId } }) => {
  await disconnectSheet(tx, { workspaceId: workspace.id, actorId: claims.sub, sheetId });
});
