import { pageOfList } from "@/lib/api/cursor";
import * as ops from "@/lib/api/routes/notifications";
import { listResult, workspaceRoute } from "@/lib/http/workspace-route";
import { createAlertRule } from "@/lib/services/alerts/create-alert-rule";
import { listAlertRules } from "@/lib/services/alerts/list-alert-rules";

/** GET /api/v1/workspaces/:workspace/alerts/rules — the workspace's alert rules (editors and admins). */
export const GET = workspaceRoute({ operation: ops.listAlertRules }, async ({ tx, workspace, query }) =>
  listResult(pageOfList(await listAlertRules(tx, { workspaceId: workspace.id }), query, (rule) => rule.id)),
);

/** POST — add a rule ({ kind, name, params, endpointIds }); params are checked against the kind (docs/alerts.md). */
export const POST = workspaceRoute({ operation: ops.createAlertRule }, async ({ tx, workspace, actorId, body }) => ({
  data: await createAlertRule(tx, { workspaceId: workspace.id, createdBy: actorId, rule: body }),
}));
