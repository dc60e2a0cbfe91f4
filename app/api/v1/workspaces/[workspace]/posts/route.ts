import { workspaceRoute } from "@/lib/http/workspace-route";
import { searchPosts, searchPostsQuerySchema } from "@/lib/services/posts/search-posts";

/**
 * GET /api/v1/workspaces/:workspace/posts — the posts explorer: filters (va, creator, set, type,
 * status, from, to, q), sort and dir on any metric, and a keyset cursor (`nextCursor` of the last page).
 */
export const GET = workspaceRoute({ role: "viewer" }, async ({ request, tx, workspace }) => {
  const query = searchPostsQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  return searchPosts(tx, { scope: { workspaceId: workspace.id, timezone: workspace.timezone, now: new Date() }, query });
});
