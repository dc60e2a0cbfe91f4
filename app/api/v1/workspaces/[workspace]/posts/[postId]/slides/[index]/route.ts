import { z } from "zod";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { slideResponse } from "@/lib/http/slide-response";
import { getPostSlide } from "@/lib/services/posts/get-post-slide";
import { getStorage } from "@/lib/storage/get-storage";

const params = z.object({ postId: z.uuid(), index: z.coerce.number().int().min(0).max(99) });

/**
 * GET /api/v1/workspaces/:workspace/posts/:postId/slides/:index — a stored slide, for members only
 * (401 signed out, 404 for anyone who is not a member): redirect to a signed URL, or the file itself.
 */
export const GET = workspaceRoute({ role: "viewer", params }, async ({ tx, workspace, params: { postId, index } }) =>
  slideResponse(getStorage(), await getPostSlide(tx, { workspaceId: workspace.id, postId, index })),
);
