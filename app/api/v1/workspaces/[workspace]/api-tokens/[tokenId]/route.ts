import { revokeApiToken as operation } from "@/lib/api/routes/api-tokens";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { revokeApiToken } from "@/lib/services/api-tokens/revoke-api-token";

/** DELETE /api/v1/workspaces/:workspace/api-tokens/:tokenId — revoke a token (admins). */
export const DELETE = workspaceRoute({ operation }, async ({ tx, workspace, actorId, params }) => {
  await revokeApiToken(tx, { workspaceId: workspace.id, actorId, tokenId: params.tokenId });
});
