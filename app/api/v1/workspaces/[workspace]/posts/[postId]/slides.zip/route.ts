import { downloadSlides } from "@/lib/api/routes/posts";
import { slidesZipResponse } from "@/lib/http/slides-zip-response";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { listStoredSlides } from "@/lib/services/posts/list-stored-slides";
import { getStorage } from "@/lib/storage/get-storage";

/** GET /api/v1/workspaces/:workspace/posts/:postId/slides.zip — every stored slide in order, zipped as it streams from storage. */
export const GET = workspaceRoute({ operation: downloadSlides }, async ({ tx, workspace, params: { postId } }) =>
  slidesZipResponse(getStorage(), await listStoredSlides(tx, { workspaceId: workspace.id, postId })),
);
