import { z } from "zod";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { deleteAlertRule } from "@/lib/services/alerts/delete-alert-rule";
import { updateRuleSchema } from "@/lib/services/alerts/rule-input";
import { updateAlertRule } from "@/lib/services/alerts/update-alert-rule";

const params = z.object({ ruleId: z.uuid() });

/** PATCH /api/v1/workspaces/:workspace/alerts/rules/:ruleId — edit, or turn on and off (editors and admins). */
export const PATCH = workspaceRoute({ role: "editor", params, body: updateRuleSchema }, async ({ tx, workspace, params: { ruleId }, body }) => ({
  data: await updateAlertRule(tx, { workspaceId: workspace.id, ruleId, changes: body, now: new Date() }),
}));

/** DELETE — remove the rule, its history and its mutes. */
export const DELETE = workspaceRoute({ role: "editor", params }, async ({ tx, workspace, params: { ruleId } }) => {
  await deleteAlertRule(tx, { workspaceId: workspace.id, ruleId });
});
