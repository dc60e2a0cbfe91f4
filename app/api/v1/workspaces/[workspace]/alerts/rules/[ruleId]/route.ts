import * as ops from "@/lib/api/routes/notifications";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { deleteAlertRule } from "@/lib/services/alerts/delete-alert-rule";
import { updateAlertRule } from "@/lib/services/alerts/update-alert-rule";

/** PATCH /api/v1/workspaces/:workspace/alerts/rules/:ruleId — edit, or turn on and off (editors and admins). */
export const PATCH = workspaceRoute({ operation: ops.updateAlertRule }, async ({ tx, workspace, params: { ruleId }, body }) => ({
  data: await updateAlertRule(tx, { workspaceId: workspace.id, ruleId, changes: body, now: new Date() }),
}));

/** DELETE — remove the rule, its history and its mutes. */
export const DELETE = workspaceRoute({ operation: ops.deleteAlertRule }, async ({ tx, workspace, params: { ruleId } }) => {
  await deleteAlertRule(tx, { workspaceId: workspace.id, ruleId });
});
