import { postTrends } from "@/lib/api/routes/posts";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { getPostTrends } from "@/lib/services/posts/get-post-trends";

/**
 * GET /api/v1/workspaces/:workspace/posts/trends?by=va|creator|set&from=YYYY-MM-DD&to=YYYY-MM-DD —
 * views gained per day by group, posts published per day, slideshows against videos and median
 * views by slide count, days in the workspace's timezone.
 */
export const GET = workspaceRoute({ operation: postTrends }, async ({ tx, workspace, query }) => ({
  data: await getPostTrends(tx, { workspace, query }),
}));
