import * as ops from "@/lib/api/routes/accounts";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { deleteAccount } from "@/lib/services/accounts/delete-account";
import { getAccount } from "@/lib/services/accounts/get-account";
import { updateAccount } from "@/lib/services/accounts/update-account";

/** GET /api/v1/workspaces/:workspace/accounts/:accountId?from=&to= — the account, its health and its snapshots. */
export const GET = workspaceRoute({ operation: ops.getAccount }, async ({ tx, workspace, params, query }) => ({
  data: await getAccount(tx, { workspaceId: workspace.id, accountId: params.accountId, range: query }),
}));

/** PATCH — display name, organization, tags, core, active (editors and admins). */
export const PATCH = workspaceRoute({ operation: ops.updateAccount }, async ({ tx, workspace, actorId, params, body }) => ({
  data: await updateAccount(tx, { workspaceId: workspace.id, actorId, accountId: params.accountId, patch: body }),
}));

/** DELETE — the account and its history (editors and admins); deactivate with PATCH to keep the history. */
export const DELETE = workspaceRoute({ operation: ops.deleteAccount }, async ({ tx, workspace, actorId, params }) => {
  await deleteAccount(tx, { workspaceId: workspace.id, actorId, accountId: params.accountId });
});
