import * as ops from "@/lib/api/routes/members";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { changeMemberRole } from "@/lib/services/members/change-member-role";
import { removeMember } from "@/lib/services/members/remove-member";

/** PATCH /api/v1/workspaces/:workspace/members/:userId — change a member's role (admins). */
export const PATCH = workspaceRoute({ operation: ops.changeMemberRole }, async ({ tx, workspace, claims, params, body }) => {
  await changeMemberRole(tx, { workspaceId: workspace.id, actorId: claims.sub, userId: params.userId, role: body.role });
  return { data: { userId: params.userId, role: body.role } };
});

/** DELETE /api/v1/workspaces/:workspace/members/:userId — remove a member (admins). */
export const DELETE = workspaceRoute({ operation: ops.removeMember }, async ({ tx, workspace, claims, params }) => {
  await removeMember(tx, { workspaceId: workspace.id, actorId: claims.sub, userId: params.userId });
});
