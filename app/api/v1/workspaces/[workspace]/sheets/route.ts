import { NextResponse } from "next/server";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { describeServiceAccount, getSheetsClient } from "@/lib/sheets/process-sheets-client";
import { connectSheet } from "@/lib/services/sheets/connect-sheet";
import { listSheets } from "@/lib/services/sheets/list-sheets";
import { sheetSettingsSchema } from "@/lib/services/sheets/sheet-settings";
import { sheetLocationSchema, testSheetAccess } from "@/lib/services/sheets/test-sheet-access";

/** GET /api/v1/workspaces/:workspace/sheets — the connected sheets and the service account to share with (admins). */
export const GET = workspaceRoute({ role: "admin" }, async ({ tx, workspace }) => {
  const account = describeServiceAccount();
  return { data: await listSheets(tx, workspace.id), serviceAccount: account };
});

/** POST — connect a sheet: access is tested again (outside the transaction), then the mapping is stored; 201. */
export const POST = workspaceRoute(
  {
    role: "admin",
    body: sheetLocationSchema.extend(sheetSettingsSchema.shape),
    prepare: async ({ body }) => testSheetAccess(await getSheetsClient(), body),
  },
  async ({ tx, workspace, claims, body, prepared }) => {
    const sheet = await connectSheet(tx, { workspaceId: workspace.id, actorId: claims.sub, inspection: prepared, settings: body });
    return NextResponse.json({ data: sheet }, { status: 201 });
  },
);
