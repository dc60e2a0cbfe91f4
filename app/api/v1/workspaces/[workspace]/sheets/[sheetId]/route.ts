import { z } from "zod";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { disconnectSheet } from "@/lib/services/sheets/disconnect-sheet";
import { sheetSettingsSchema } from "@/lib/services/sheets/sheet-settings";
import { updateSheetMapping } from "@/lib/services/sheets/update-sheet-mapping";

const params = z.object({ sheetId: z.uuid() });

/** PATCH /api/v1/workspaces/:workspace/sheets/:sheetId — correct the mapping, status values or name (admins). */
export const PATCH = workspaceRoute({ role: "admin", params, body: sheetSettingsSchema }, async ({ tx, workspace, claims, params: { sheetId }, body }) => ({
  data: await updateSheetMapping(tx, { workspaceId: workspace.id, actorId: claims.sub, sheetId, settings: body }),
}));

/** DELETE — disconnect; the sheet itself is not touched. */
export const DELETE = workspaceRoute({ role: "admin", params }, async ({ tx, workspace, claims, params: { sheetId } }) => {
  await disconnectSheet(tx, { workspaceId: workspace.id, actorId: claims.sub, sheetId });
});
