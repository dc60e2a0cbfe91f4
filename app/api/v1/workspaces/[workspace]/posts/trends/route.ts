import { workspaceRoute } from "@/lib/http/workspace-route";
import { getPostTrends, trendsQuerySchema } from "@/lib/services/posts/get-post-trends";

/**
 * GET /api/v1/workspaces/:workspace/posts/trends?by=va|creator|set&from=YYYY-MM-DD&to=YYYY-MM-DD —
 * views gained per day by group, posts published per day, slideshows against videos and median
 * views by slide count (`postTrendsResponseSchema`), days in the workspace's timezone.
 */
export const GET = workspaceRoute({ role: "viewer" }, async ({ request, tx, workspace }) => ({
  data: await getPostTrends(tx, { workspace, query: trendsQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams)) }),
}));
