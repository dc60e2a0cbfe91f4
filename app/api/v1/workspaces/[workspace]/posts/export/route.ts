import { exportPosts } from "@/lib/api/routes/posts";
import { writeCsv, type CsvValue } from "@/lib/csv/write-csv";
import { withUserDb } from "@/lib/db/rls";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { searchPosts, type PostExplorerRow } from "@/lib/services/posts/search-posts";

const COLUMNS: [string, (row: PostExplorerRow) => CsvValue][] = [
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
 * GET /api/v1/workspaces/:workspace/posts/export?format=csv&<the explorer's filters and sort> — the
 * current view as CSV, streamed a page at a time (each page its own RLS read), so a workspace's
 * 100,000 posts never sit in memory. Not reported figures are empty; cells that look like formulas are escaped.
 */
export const GET = workspaceRoute({ operation: exportPosts }, async ({ claims, workspace, query }) => {
  const { format: _format, ...filters } = query;
  const scope = { workspaceId: workspace.id, timezone: workspace.timezone, now: new Date() };
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const page = await withUserDb(claims, (tx) => searchPosts(tx, { scope, query: { ...filters, cursor, limit: PAGE } }));
      const rows = page.data.map((row) => COLUMNS.map(([, cell]) => cell(row)));
      const text = writeCsv(first ? [COLUMNS.map(([name]) => name), ...rows] : rows, { bom: first });
      if (first || rows.length > 0) controller.enqueue(encoder.encode(text));
      first = false;
      if (!page.nextCursor) controller.close();
      else cursor = page.nextCursor;
    },
  });
  const filename = `posts-${workspace.slug}-${scope.now.toISOString().slice(0, 10)}.csv`;
  return new Response(body, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "private, no-store" },
  });
});
