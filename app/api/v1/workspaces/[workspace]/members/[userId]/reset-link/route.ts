import { issueResetLink as operation } from "@/lib/api/routes/members";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { mailConfigured } from "@/lib/services/invitations/send-invitation-email";
import { issueResetLink } from "@/lib/services/password-resets/issue-reset-link";

/**
 * POST /api/v1/workspaces/:workspace/members/:userId/reset-link — embedded mode only (admins): a
 * one-time password reset link to hand to the member. With SMTP the member uses "Forgot password".
 */
export const POST = workspaceRoute({ operation }, async ({ request, tx, workspace, claims, params }) => {
  if (mailConfigured()) throw new AppError("conflict", "Email is configured: the member resets the password from the sign-in page.");
  const { token, expiresAt } = await issueResetLink(tx, { workspaceId: workspace.id, actorId: claims.sub, userId: params.userId });
  const link = new URL(`/reset-password/${token}`, env.appUrl ?? request.nextUrl.origin).toString();
  return { data: { link, expiresAt } };
});
