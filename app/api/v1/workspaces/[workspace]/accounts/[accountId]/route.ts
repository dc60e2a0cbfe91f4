import { z } from "zod";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { deleteAccount } from "@/lib/services/accounts/delete-account";
import { accountHistoryQuerySchema, getAccount } from "@/lib/services/accounts/get-account";
import { updateAccount, updateAccountSchema } from "@/lib/services/accounts/update-account";

const params = z.object({ accountId: z.uuid() });

/** GET /api/v1/workspaces/:workspace/accounts/:accountId?from=&to= — the account, its health and its snapshots. */
export const GET = workspaceRoute({ role: "viewer", params }, async ({ request, tx, workspace, params }) => {
  const range = accountHistoryQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  return { data: await getAccount(tx, { workspaceId: workspace.id, accountId: params.accountId, range }) };
});

/** PATCH — display name, organization, tags, core, active (editors and admins). */
export const PATCH = workspaceRoute({ role: "editor", params, body: updateAccountSchema }, async ({ tx, workspace, claims, params, body }) => {
  return { data: await updateAccount(tx, { workspaceId: workspace.id, actorId: claims.sub, accountId: params.accountId, patch: body }) };
});

/** DELETE — the account and its history (editors and admins); deactivate with PATCH to keep the history. */
export const DELETE = workspaceRoute({ role: "editor", params }, async ({ tx, workspace, claims, params }) => {
  await deleteAccount(tx, { workspaceId: workspace.id, actorId: claims.sub, accountId: params.accountId });
});
