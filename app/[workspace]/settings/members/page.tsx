import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { InviteForm } from "@/components/members/invite-form";
import { MemberActions } from "@/components/members/member-actions";
import { RevokeInvitationButton } from "@/components/members/revoke-invitation-button";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { hasRole, ROLE_DESCRIPTIONS } from "@/lib/auth/roles";
import { getWorkspaceContext } from "@/lib/auth/workspace-context";
import { withUserDb } from "@/lib/db/rls";
import { listPendingInvitations } from "@/lib/services/invitations/list-invitations";
import { listMembers } from "@/lib/services/workspaces/list-members";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { claims, workspace } = await getWorkspaceContext(slug);
  if (!hasRole(workspace.role, "admin")) forbidden();
  const [members, invitations] = await withUserDb(claims, (tx) =>
    Promise.all([listMembers(tx, workspace.id), listPendingInvitations(tx, { workspaceId: workspace.id })]),
  );
  return (
    <div className="space-y-6">
      <PageHeader title="Members" description="Who can open this workspace, and what each role may do." />
      <Card>
        <CardHeader>
          <CardTitle>Invite someone</CardTitle>
          <CardDescription>
            {Object.entries(ROLE_DESCRIPTIONS)
              .map(([role, text]) => `${role[0]?.toUpperCase()}${role.slice(1)}: ${text}`)
              .join(" ")}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <InviteForm workspaceSlug={workspace.slug} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Members</CardTitle>
          <CardDescription>A workspace always keeps at least one admin.</CardDescription>
        </CardHeader>
        <CardContent className="overflow-x-auto">
          <Table stack>
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Role</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {members.map((member) => (
                <TableRow key={member.userId} data-testid="member-row">
                  <TableCell>
                    {member.displayName ?? "—"}
                    {member.userId === claims.sub ? <Badge variant="outline" className="ml-2">You</Badge> : null}
                  </TableCell>
                  <TableCell>
                    <MemberActions workspaceSlug={workspace.slug} userId={member.userId} role={member.role} label={member.displayName ?? "this member"} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Pending invitations</CardTitle>
          <CardDescription>Links expire after 72 hours and work once.</CardDescription>
        </CardHeader>
        <CardContent>
          {invitations.length === 0 ? (
            <p className="text-sm text-muted-foreground">None.</p>
          ) : (
            <ul className="divide-y text-sm">
              {invitations.map((invitation) => (
                <li key={invitation.id} className="flex items-center justify-between gap-2 py-2">
                  <span>
                    {invitation.email} · {invitation.role} · expires {invitation.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                  </span>
                  <RevokeInvitationButton workspaceSlug={workspace.slug} invitationId={invitation.id} />
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
