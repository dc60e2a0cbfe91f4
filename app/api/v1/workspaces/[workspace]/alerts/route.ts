import { pageOfList } from "@/lib/api/cursor";
import { listAlerts as operation } from "@/lib/api/routes/notifications";
import { listResult, workspaceRoute } from "@/lib/http/workspace-route";
import { listAlerts } from "@/lib/services/alerts/list-alerts";

/** GET /api/v1/workspaces/:workspace/alerts — alert history, newest 100 (editors and admins). */
export const GET = workspaceRoute({ operation }, async ({ tx, workspace, query }) =>
  listResult(pageOfList(await listAlerts(tx, { workspaceId: workspace.id }), query, (alert) => String(alert.id))),
);
