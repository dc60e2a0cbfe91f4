import { pageOfList } from "@/lib/api/cursor";
import * as ops from "@/lib/api/routes/api-tokens";
import { listResult, workspaceRoute } from "@/lib/http/workspace-route";
import { createApiToken } from "@/lib/services/api-tokens/create-api-token";
import { listApiTokens } from "@/lib/services/api-tokens/list-api-tokens";

/** GET /api/v1/workspaces/:workspace/api-tokens — the workspace's tokens (admins); never the tokens themselves. */
export const GET = workspaceRoute({ operation: ops.listApiTokens }, async ({ tx, workspace, query }) =>
  listResult(pageOfList(await listApiTokens(tx, { workspaceId: workspace.id }), query, (token) => token.id)),
);

/** POST — create a token (admins); the answer carries it once. */
export const POST = workspaceRoute({ operation: ops.createApiToken }, async ({ tx, workspace, actorId, body }) => {
  const { token, apiToken } = await createApiToken(tx, { workspaceId: workspace.id, actorId, token: body });
  return { data: { ...apiToken, token } };
});
