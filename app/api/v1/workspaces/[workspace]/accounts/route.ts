import { workspaceRoute } from "@/lib/http/workspace-route";
import { listAccounts, listAccountsQuerySchema } from "@/lib/services/accounts/list-accounts";

/** GET /api/v1/workspaces/:workspace/accounts — the Accounts page's data as JSON. */
export const GET = workspaceRoute({ role: "viewer" }, async ({ request, tx, workspace }) => {
  const query = listAccountsQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const page = await listAccounts(tx, workspace.id, query);
  return { data: page.rows, total: page.total, page: query.page, pageSize: query.pageSize };
});
