import { z } from "zod";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { changeMemberRole, changeMemberRoleSchema } from "@/lib/services/members/change-member-role";
import { removeMember } from "@/lib/services/members/remove-member";

const params = z.object({ userId: z.uuid() });

/** PATCH /api/v1/workspaces/:workspace/members/:userId — change a member's role (admins). */
export const PATCH = workspaceRoute({ role: "admin", params, body: changeMemberRoleSchema }, async ({ tx, workspace, claims, params, body }) => {
  await changeMemberRole(tx, { workspaceId: workspace.id, actorId: claims.sub, userId: params.userId, role: body.role });
  return { data: { userId: params.userId, role: body.role } };
});

/** DELETE /api/v1/workspaces/:workspace/members/:userId — remove a member (admins). */
export const DELETE = workspaceRoute({ role: "admin", params }, async ({ tx, workspace, claims, params }) => {
  await removeMember(tx, { workspaceId: workspace.id, actorId: claims.sub, userId: params.userId });
});
