import { getSlide } from "@/lib/api/routes/posts";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { slideResponse } from "@/lib/http/slide-response";
import { getPostSlide } from "@/lib/services/posts/get-post-slide";
import { getStorage } from "@/lib/storage/get-storage";

/**
 * GET /api/v1/workspaces/:workspace/posts/:postId/slides/:index — a stored slide, for members only
 * (401 signed out, 404 for anyone who is not a member): redirect to a signed URL, or the file itself.
 */
export const GET = workspaceRoute({ operation: getSlide }, async ({ tx, workspace, params: { postId, index } }) =>
  slideResponse(getStorage(), await getPostSlide(tx, { workspaceId: workspace.id, postId, index })),
);
