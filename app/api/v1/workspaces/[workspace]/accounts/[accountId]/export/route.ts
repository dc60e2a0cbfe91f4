import { exportAccountHistory } from "@/lib/api/routes/accounts";
import { withUserDb } from "@/lib/db/rls";
import { exportResponse, keysetPages, type ExportColumn } from "@/lib/export/stream-table";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { listAccountHistory, requireAccount, type AccountHistoryRow } from "@/lib/services/accounts/list-account-history";

const PAGE = 500;

const COLUMNS: ExportColumn<AccountHistoryRow>[] = [
  ["Date", (row) => row.date],
  ["Followers", (row) => row.followers],
  ["Following", (row) => row.following],
  ["Posts", (row) => row.posts],
  ["Likes", (row) => row.likes],
  // The platform showed rounded figures ("1.2M") that day.
  ["Approximate", (row) => (row.approximate ? "yes" : "no")],
  ["Suspect", (row) => row.suspectReason],
  ["Source", (row) => row.source],
];

/**
 * GET /api/v1/workspaces/:workspace/accounts/:accountId/export?format=csv|xlsx — one account's daily
 * snapshots, oldest first, streamed by keyset pages; 404 for an account the caller cannot see.
 */
export const GET = workspaceRoute({ operation: exportAccountHistory }, async ({ tx, claims, workspace, params, query }) => {
  const { format } = query;
  const target = { workspaceId: workspace.id, accountId: params.accountId };
  // Checked before answering, so an unknown account is a 404, not a broken download.
  await requireAccount(tx, target);
  const pages = keysetPages((after) => withUserDb(claims, (db) => listAccountHistory(db, { ...target, after, limit: PAGE })), (row) => row.date, PAGE);
  return exportResponse({ format, columns: COLUMNS, pages, filename: `account-${params.accountId}-history`, sheetName: "Daily snapshots" });
});
