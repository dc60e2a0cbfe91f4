import { endMemberSessions as operation } from "@/lib/api/routes/members";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { endMemberSessions } from "@/lib/services/members/end-member-sessions";

/** DELETE /api/v1/workspaces/:workspace/members/:userId/sessions — sign the member out everywhere (admins). */
export const DELETE = workspaceRoute({ operation }, async ({ tx, workspace, claims, params }) => {
  await endMemberSessions(tx, { workspaceId: workspace.id, actorId: claims.sub, userId: params.userId });
});
