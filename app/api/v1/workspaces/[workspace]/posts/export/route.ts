import { exportPosts } from "@/lib/api/routes/posts";
import { withUserDb } from "@/lib/db/rls";
import { exportResponse, type ExportColumn } from "@/lib/export/stream-table";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { searchPosts, type PostExplorerRow } from "@/lib/services/posts/search-posts";

const COLUMNS: ExportColumn<PostExplorerRow>[] = [
  ["Post URL", (row) => row.url],
  ["Post ID", (row) => row.postId],
  ["Creator", (row) => row.creator],
  ["VA", (row) => row.va],
  ["Set", (row) => row.setId],
  ["Type", (row) => row.type],
  ["Status", (row) => row.status],
  ["Posted at (UTC)", (row) => row.postedAt],
  ["Views", (row) => row.views],
  ["Likes", (row) => row.likes],
  ["Comments", (row) => row.comments],
  ["Shares", (row) => row.shares],
  ["Saves", (row) => row.saves],
  ["Engagement rate", (row) => row.engagementRate],
  ["Views gained 24 h", (row) => row.viewsGained24h],
  ["Views gained 7 d", (row) => row.viewsGained7d],
  ["Slides", (row) => row.slideCount],
  ["Last error", (row) => row.lastError],
];
const PAGE = 200;

/**
 * GET /api/v1/workspaces/:workspace/posts/export?format=csv|xlsx&<the explorer's filters and sort> —
 * the current view, streamed a page at a time (each page its own RLS read), so a workspace's 100,000
 * posts never sit in memory. Not reported figures are empty cells; CSV cells that look like formulas are escaped.
 */
export const GET = workspaceRoute({ operation: exportPosts }, async ({ claims, workspace, query }) => {
  const { format, ...filters } = query;
  const scope = { workspaceId: workspace.id, timezone: workspace.timezone, now: new Date() };
  async function* pages() {
    let cursor: string | undefined;
    do {
      const page = await withUserDb(claims, (tx) => searchPosts(tx, { scope, query: { ...filters, cursor, limit: PAGE } }));
      yield page.data;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return exportResponse({ format, columns: COLUMNS, pages: pages(), filename: `posts-${workspace.slug}-${scope.now.toISOString().slice(0, 10)}`, sheetName: "Posts" });
});
