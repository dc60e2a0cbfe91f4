import { exportPostHistory } from "@/lib/api/routes/posts";
import { withUserDb } from "@/lib/db/rls";
import { exportResponse, keysetPages, type ExportColumn } from "@/lib/export/stream-table";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { listPostHistory, requirePost, type PostHistoryRow } from "@/lib/services/posts/list-post-history";

const PAGE = 500;

const COLUMNS: ExportColumn<PostHistoryRow>[] = [
  ["Date", (row) => row.date],
  ["Views", (row) => row.views],
  ["Likes", (row) => row.likes],
  ["Comments", (row) => row.comments],
  ["Shares", (row) => row.shares],
  ["Saves", (row) => row.saves],
];

/**
 * GET /api/v1/workspaces/:workspace/posts/:postId/export?format=csv|xlsx — one post's daily stats,
 * oldest first, streamed by keyset pages; 404 for a post the caller cannot see.
 */
export const GET = workspaceRoute({ operation: exportPostHistory }, async ({ tx, claims, workspace, params, query }) => {
  const target = { workspaceId: workspace.id, postId: params.postId };
  // Checked before answering, so an unknown post is a 404, not a broken download.
  await requirePost(tx, target);
  const pages = keysetPages((after) => withUserDb(claims, (db) => listPostHistory(db, { ...target, after, limit: PAGE })), (row) => row.date, PAGE);
  return exportResponse({ format: query.format, columns: COLUMNS, pages, filename: `post-${params.postId}-history`, sheetName: "Daily stats" });
});
