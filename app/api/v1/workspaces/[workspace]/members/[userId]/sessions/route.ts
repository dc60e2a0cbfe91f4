import { z } from "zod";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { endMemberSessions } from "@/lib/services/members/end-member-sessions";

const params = z.object({ userId: z.uuid() });

/** DELETE /api/v1/workspaces/:workspace/members/:userId/sessions — sign the member out everywhere (admins). */
export const DELETE = workspaceRoute({ role: "admin", params }, async ({ tx, workspace, claims, params }) => {
  await endMemberSessions(tx, { workspaceId: workspace.id, actorId: claims.sub, userId: params.userId });
});
