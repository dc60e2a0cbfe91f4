import { workspaceRoute } from "@/lib/http/workspace-route";
import { updateWorkspace, updateWorkspaceSchema } from "@/lib/services/workspaces/update-workspace";

/** GET /api/v1/workspaces/:workspace — the workspace and the caller's role in it. */
export const GET = workspaceRoute({ role: "viewer" }, async ({ workspace }) => ({ data: workspace }));

/** PATCH /api/v1/workspaces/:workspace — name and timezone (admins). */
export const PATCH = workspaceRoute({ role: "admin", body: updateWorkspaceSchema }, async ({ tx, workspace, claims, body }) => ({
  data: await updateWorkspace(tx, { workspaceId: workspace.id, actorId: claims.sub, ...body }),
}));
