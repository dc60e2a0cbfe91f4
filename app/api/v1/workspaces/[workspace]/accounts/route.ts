import * as ops from "@/lib/api/routes/accounts";
import { listResult, workspaceRoute } from "@/lib/http/workspace-route";
import { createAccount } from "@/lib/services/accounts/create-account";
import { listAccountsByCursor } from "@/lib/services/accounts/list-accounts";

/** GET /api/v1/workspaces/:workspace/accounts — the tracked accounts with their latest figures, by keyset cursor. */
export const GET = workspaceRoute({ operation: ops.listAccounts }, async ({ tx, workspace, query }) =>
  listResult(await listAccountsByCursor(tx, { scope: { workspaceId: workspace.id, timezone: workspace.timezone, now: new Date() }, query })),
);

/** POST — add one account (editors and admins): platform optional when `handle` is a profile URL; 409 if tracked. */
export const POST = workspaceRoute({ operation: ops.createAccount }, async ({ tx, workspace, actorId, body }) => ({
  data: await createAccount(tx, { workspaceId: workspace.id, actorId, account: body }),
}));
