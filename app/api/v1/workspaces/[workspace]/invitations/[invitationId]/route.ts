import { revokeInvitation as operation } from "@/lib/api/routes/members";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { revokeInvitation } from "@/lib/services/invitations/revoke-invitation";

/** DELETE /api/v1/workspaces/:workspace/invitations/:invitationId — withdraw a pending invitation (admins). */
export const DELETE = workspaceRoute({ operation }, async ({ tx, workspace, claims, params }) => {
  await revokeInvitation(tx, { workspaceId: workspace.id, actorId: claims.sub, invitationId: params.invitationId });
});
