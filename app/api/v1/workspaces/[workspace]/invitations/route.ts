import * as ops from "@/lib/api/routes/members";
import { pageOfList } from "@/lib/api/cursor";
import { env } from "@/lib/env";
import { listResult, workspaceRoute } from "@/lib/http/workspace-route";
import { createInvitation } from "@/lib/services/invitations/create-invitation";
import { listPendingInvitations } from "@/lib/services/invitations/list-invitations";
import { mailConfigured, sendInvitationEmail } from "@/lib/services/invitations/send-invitation-email";

/** GET /api/v1/workspaces/:workspace/invitations — pending invitations (admins). */
export const GET = workspaceRoute({ operation: ops.listInvitations }, async ({ tx, workspace, query }) =>
  listResult(pageOfList(await listPendingInvitations(tx, { workspaceId: workspace.id }), query, (invitation) => invitation.id)),
);

/**
 * POST /api/v1/workspaces/:workspace/invitations — invite by email (admins). With SMTP configured
 * the link is emailed and never shown to the admin; otherwise (embedded mode) the response carries it
 * for the admin to pass on, and an account it creates stays unverified (docs/security.md).
 */
export const POST = workspaceRoute({ operation: ops.createInvitation }, async ({ request, tx, workspace, claims, body }) => {
  const emailed = mailConfigured();
  const { invitation, token } = await createInvitation(tx, { workspaceId: workspace.id, invitedBy: claims.sub, emailed, ...body });
  const link = new URL(`/invite/${token}`, env.appUrl ?? request.nextUrl.origin).toString();
  if (emailed) {
    // Inside the transaction: if the mail cannot be sent, the invitation is not kept either.
    await sendInvitationEmail({ to: invitation.email, workspaceName: workspace.name, role: invitation.role, link, expiresAt: invitation.expiresAt });
    return { data: { ...invitation, emailed: true } };
  }
  return { data: { ...invitation, emailed: false, link } };
});
