import { workspaceRoute } from "@/lib/http/workspace-route";
import { listMembers } from "@/lib/services/workspaces/list-members";

/** GET /api/v1/workspaces/:workspace/members */
export const GET = workspaceRoute({ role: "viewer" }, async ({ tx, workspace }) => ({ data: await listMembers(tx, workspace.id) }));
