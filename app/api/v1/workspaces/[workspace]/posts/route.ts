import { listPosts } from "@/lib/api/routes/posts";
import { listResult, workspaceRoute } from "@/lib/http/workspace-route";
import { searchPosts } from "@/lib/services/posts/search-posts";

/**
 * GET /api/v1/workspaces/:workspace/posts — the posts explorer: filters (va, creator, set, type,
 * status, from, to, q), sort and dir on any metric, and a keyset cursor (`meta.next_cursor`).
 */
export const GET = workspaceRoute({ operation: listPosts }, async ({ tx, workspace, query }) => {
  const page = await searchPosts(tx, { scope: { workspaceId: workspace.id, timezone: workspace.timezone, now: new Date() }, query });
  return listResult({ items: page.data, nextCursor: page.nextCursor });
});
