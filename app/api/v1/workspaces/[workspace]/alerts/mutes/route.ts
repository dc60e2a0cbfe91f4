import { muteAlerts as operation } from "@/lib/api/routes/notifications";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { muteAlerts } from "@/lib/services/alerts/mute-alerts";

/** POST /api/v1/workspaces/:workspace/alerts/mutes — mute a rule, or one subject of it ({ ruleId, subjectType?, subjectId?, duration: "day" | "week" }). */
export const POST = workspaceRoute({ operation }, async ({ tx, workspace, actorId, body }) => ({
  data: await muteAlerts(tx, { workspaceId: workspace.id, createdBy: actorId, mute: body, now: new Date() }),
}));
