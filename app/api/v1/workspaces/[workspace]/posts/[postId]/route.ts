import { getPost } from "@/lib/api/routes/posts";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { getPostDetail } from "@/lib/services/posts/get-post-detail";

/** GET /api/v1/workspaces/:workspace/posts/:postId — one post with its slides, daily stats, sheet row and pipeline runs. */
export const GET = workspaceRoute({ operation: getPost }, async ({ tx, workspace, params: { postId } }) => ({
  data: await getPostDetail(tx, { scope: { workspaceId: workspace.id, workspaceSlug: workspace.slug, timezone: workspace.timezone, now: new Date() }, postId }),
}));
