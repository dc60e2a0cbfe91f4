import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { createInvitation, createInvitationSchema } from "@/lib/services/invitations/create-invitation";
import { listPendingInvitations } from "@/lib/services/invitations/list-invitations";

/** GET /api/v1/workspaces/:workspace/invitations — pending invitations (admins). */
export const GET = workspaceRoute({ role: "admin" }, async ({ tx, workspace }) => ({ data: await listPendingInvitations(tx, workspace.id) }));

/**
 * POST /api/v1/workspaces/:workspace/invitations — invite by email (admins). The link is in the
 * response only: no mail is sent in embedded mode, so the admin passes it on.
 */
export const POST = workspaceRoute({ role: "admin", body: createInvitationSchema }, async ({ request, tx, workspace, claims, body }) => {
  const { invitation, token } = await createInvitation(tx, { workspaceId: workspace.id, invitedBy: claims.sub, ...body });
  const link = new URL(`/invite/${token}`, env.NEXTAUTH_URL ?? request.nextUrl.origin).toString();
  return NextResponse.json({ data: { ...invitation, link } }, { status: 201 });
});
