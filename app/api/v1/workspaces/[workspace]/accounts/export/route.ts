import { exportAccounts } from "@/lib/api/routes/accounts";
import { withUserDb } from "@/lib/db/rls";
import { exportResponse, type ExportColumn } from "@/lib/export/stream-table";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { listAccounts, type AccountRow } from "@/lib/services/accounts/list-accounts";

const health = (row: AccountRow) =>
  row.healthStatus === "failing" ? "failing" : row.latestDate === null ? "never scraped" : row.stale ? "stale" : "healthy";

const COLUMNS: ExportColumn<AccountRow>[] = [
  ["Platform", (row) => row.platform],
  ["Handle", (row) => row.handle],
  ["Display name", (row) => row.displayName],
  ["Organization", (row) => row.organization],
  ["Core", (row) => (row.isCore ? "yes" : "no")],
  ["Active", (row) => (row.active ? "yes" : "no")],
  ["Health", health],
  ["Latest snapshot", (row) => row.latestDate],
  ["Followers", (row) => row.followers],
  // The platform showed a rounded figure ("1.2M"): the number is its reading, not an exact count.
  ["Followers approximate", (row) => (row.followers === null ? null : row.approximate ? "yes" : "no")],
  ["7-day change", (row) => row.change7d],
  ["30-day change", (row) => row.change30d],
  ["Last error", (row) => row.lastErrorCode],
];
const PAGE = 200;

/**
 * GET /api/v1/workspaces/:workspace/accounts/export?format=csv|xlsx&<the Accounts page's filters and sort> —
 * every matching account, streamed a page at a time (each page its own RLS read). Growth is empty
 * for stale accounts, as on the page; not reported is an empty cell.
 */
export const GET = workspaceRoute({ operation: exportAccounts }, async ({ claims, workspace, query }) => {
  const { format, ...filters } = query;
  const scope = { workspaceId: workspace.id, timezone: workspace.timezone, now: new Date() };
  async function* pages() {
    for (let page = 1; ; page++) {
      const { rows } = await withUserDb(claims, (tx) => listAccounts(tx, { scope, query: { ...filters, page, pageSize: PAGE } }));
      yield rows;
      if (rows.length < PAGE) return;
    }
  }
  return exportResponse({ format, columns: COLUMNS, pages: pages(), filename: `accounts-${workspace.slug}-${scope.now.toISOString().slice(0, 10)}`, sheetName: "Accounts" });
});
