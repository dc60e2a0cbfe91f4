import { NextResponse, type NextRequest } from "next/server";
import { hasRole } from "@/lib/auth/roles";
import { withUserDb } from "@/lib/db/rls";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { authenticate } from "@/lib/http/authenticate";
import { assertSameOrigin } from "@/lib/http/origin-check";
import { toProblem } from "@/lib/http/problem";
import * as ops from "@/lib/api/routes/workspaces";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { getStorage } from "@/lib/storage/get-storage";
import { getWorkspace } from "@/lib/services/workspaces/get-workspace";
import { deleteStoredSlides, deleteWorkspaceRows } from "@/lib/services/workspaces/delete-workspace";
import { updateWorkspace } from "@/lib/services/workspaces/update-workspace";

/** GET /api/v1/workspaces/:workspace — the workspace and the caller's role in it. */
export const GET = workspaceRoute({ operation: ops.getWorkspace }, async ({ workspace }) => ({ data: workspace }));

/** PATCH /api/v1/workspaces/:workspace — name and timezone (admins). */
export const PATCH = workspaceRoute({ operation: ops.updateWorkspace }, async ({ tx, workspace, claims, body }) => ({
  data: await updateWorkspace(tx, { workspaceId: workspace.id, actorId: claims.sub, ...body }),
}));

/**
 * DELETE /api/v1/workspaces/:workspace — deletes the workspace, its rows and its stored slides
 * (admins; the body repeats the slug). Files go after the rows commit.
 */
export async function DELETE(request: NextRequest, { params }: { params: Promise<{ workspace: string }> }) {
  try {
    const { claims, caller } = await authenticate(request);
    if (caller.kind === "user") assertSameOrigin(request, env.appUrl);
    const { workspace: slug } = await params;
    const body = ops.deleteWorkspaceBody.parse(await request.json().catch(() => ({})));
    const paths = await withUserDb(claims, async (tx) => {
      const workspace = await getWorkspace(tx, slug);
      if (!hasRole(workspace.role, "admin")) throw new AppError("forbidden");
      return deleteWorkspaceRows(tx, { workspaceId: workspace.id, confirmSlug: body.confirmSlug });
    });
    await deleteStoredSlides(getStorage(), paths);
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    return toProblem(error);
  }
}
