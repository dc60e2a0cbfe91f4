import { NextResponse } from "next/server";
import { cachedSummary } from "@/lib/cache/process-summary-cache";
import { localDate } from "@/lib/domain/local-time";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { createAccount, createAccountSchema } from "@/lib/services/accounts/create-account";
import { listAccounts, listAccountsQuerySchema } from "@/lib/services/accounts/list-accounts";

/** GET /api/v1/workspaces/:workspace/accounts — the Accounts page's data as JSON. */
export const GET = workspaceRoute({ role: "viewer" }, async ({ request, tx, workspace }) => {
  const query = listAccountsQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const now = new Date();
  const today = localDate(workspace.timezone, now);
  const page = await cachedSummary(tx, { workspace, kind: "accounts", query: { ...query, today } }, () =>
    listAccounts(tx, { scope: { workspaceId: workspace.id, timezone: workspace.timezone, now }, query }),
  );
  return { data: page.rows, total: page.total, page: query.page, pageSize: query.pageSize };
});

/** POST — add one account (editors and admins): platform optional when `handle` is a profile URL; 409 if tracked. */
export const POST = workspaceRoute({ role: "editor", body: createAccountSchema }, async ({ tx, workspace, claims, body }) => {
  const created = await createAccount(tx, { workspaceId: workspace.id, actorId: claims.sub, account: body });
  return NextResponse.json({ data: created }, { status: 201 });
});
