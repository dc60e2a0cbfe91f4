import { z } from "zod";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { getPostDetail } from "@/lib/services/posts/get-post-detail";

const params = z.object({ postId: z.uuid() });

/** GET /api/v1/workspaces/:workspace/posts/:postId — one post with its slides, daily stats, sheet row and pipeline runs. */
export const GET = workspaceRoute({ role: "viewer", params }, async ({ tx, workspace, params: { postId } }) => ({
  data: await getPostDetail(tx, { scope: { workspaceId: workspace.id, workspaceSlug: workspace.slug, timezone: workspace.timezone, now: new Date() }, postId }),
}));
