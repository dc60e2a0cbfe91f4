import { workspaceRoute } from "@/lib/http/workspace-route";
import { listAlerts } from "@/lib/services/alerts/list-alerts";

/** GET /api/v1/workspaces/:workspace/alerts — alert history, newest 100 (editors and admins). */
export const GET = workspaceRoute({ role: "editor" }, async ({ tx, workspace }) => ({ data: await listAlerts(tx, { workspaceId: workspace.id }) }));
