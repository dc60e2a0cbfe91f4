import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { WorkspaceForm } from "@/components/settings/workspace-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { hasRole } from "@/lib/auth/roles";
import type { Role } from "@/lib/domain/roles";
import { getWorkspaceContext } from "@/lib/auth/workspace-context";
import { withUserDb } from "@/lib/db/rls";
import { listAuditLog } from "@/lib/services/audit/list-audit-log";
import { listMembers } from "@/lib/services/workspaces/list-members";
import { formatAuditEntry } from "@/lib/format-audit-entry";

export const metadata: Metadata = { title: "Settings" };


/** The settings pages reached from here, and the least role that sees each. */
const SETTINGS_PAGES: { title: string; description: string; path: string; link: string; role: Role }[] = [
  { title: "Google Sheets", description: "Sheets of TikTok post URLs that Reach scrapes and writes results back to.", path: "sheets", link: "Connect and map sheets", role: "admin" },
  {
    title: "API tokens",
    description: "Tokens for scripts, BI tools and automations to read (or, as editors, change) this workspace through the API.",
    path: "api-tokens",
    link: "Create and revoke API tokens",
    role: "admin",
  },
  { title: "System health", description: "Runs, scrape batches, error codes and stale data over the last 7 days.", path: "health", link: "Open system health", role: "admin" },
  {
    title: "Alerts",
    description: "Rules that tell Slack, email or a webhook when followers crash or spike, accounts or runs fail, or a post goes viral.",
    path: "alerts",
    link: "Configure alerts",
    role: "editor",
  },
  {
    title: "Webhooks",
    description: "Signed JSON to your own systems when runs finish, accounts start failing or posts fail.",
    path: "webhooks",
    link: "Manage webhooks",
    role: "admin",
  },
];

export default async function SettingsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { claims, workspace } = await getWorkspaceContext(slug);
  const isAdmin = hasRole(workspace.role, "admin");
  const [members, audit] = await withUserDb(claims, (tx) =>
    Promise.all([listMembers(tx, workspace.id), isAdmin ? listAuditLog(tx, { workspaceId: workspace.id, limit: 50 }) : Promise.resolve([])]),
  );
  return (
    <div className="space-y-6">
      <PageHeader title="Settings" description="Workspace details, members and activity." />
      <Card>
        <CardHeader>
          <CardTitle>Workspace</CardTitle>
          <CardDescription>Snapshots are dated in the workspace&apos;s timezone.</CardDescription>
        </CardHeader>
        <CardContent>
          {isAdmin ? (
            <WorkspaceForm
              slug={workspace.slug}
              name={workspace.name}
              timezone={workspace.timezone}
              snapshotTime={workspace.snapshotTime}
              requireTwoFactor={workspace.requireTwoFactor}
            />
          ) : (
            <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
              <dt className="text-muted-foreground">Name</dt>
              <dd>{workspace.name}</dd>
              <dt className="text-muted-foreground">Timezone</dt>
              <dd>{workspace.timezone}</dd>
              <dt className="text-muted-foreground">Daily snapshot</dt>
              <dd>{workspace.snapshotTime ?? "server default"}</dd>
              <dt className="text-muted-foreground">Two-factor</dt>
              <dd>{workspace.requireTwoFactor ? "required" : "optional"}</dd>
            </dl>
          )}
          <p className="mt-4 text-sm text-muted-foreground">
            Your role: <Badge variant="outline">{workspace.role}</Badge>
          </p>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Members</CardTitle>
          <CardDescription>
            {members.length} people can open this workspace.
            {isAdmin ? (
              <>
                {" "}
                <Link href={`/${workspace.slug}/settings/members`} className="underline underline-offset-4">
                  Manage members and invitations
                </Link>
              </>
            ) : null}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ul className="divide-y text-sm">
            {members.map((member) => (
              <li key={member.userId} className="flex justify-between py-2">
                <span>{member.displayName ?? "—"}</span>
                <Badge variant="outline">{member.role}</Badge>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
      {SETTINGS_PAGES.filter((page) => hasRole(workspace.role, page.role)).map((page) => (
        <Card key={page.path}>
          <CardHeader>
            <CardTitle>{page.title}</CardTitle>
            <CardDescription>
              {page.description}{" "}
              <Link href={`/${workspace.slug}/settings/${page.path}`} className="underline underline-offset-4">
                {page.link}
              </Link>
            </CardDescription>
          </CardHeader>
        </Card>
      ))}
      {isAdmin ? (
        <Card>
          <CardHeader>
            <CardTitle>Audit log</CardTitle>
            <CardDescription>Sign-ins, invitations, role changes and removals; the latest 50.</CardDescription>
          </CardHeader>
          <CardContent className="overflow-x-auto">
            <Table stack>
              <TableHeader>
                <TableRow>
                  <TableHead>When (UTC)</TableHead>
                  <TableHead>Who</TableHead>
                  <TableHead>What</TableHead>
                  <TableHead className="hidden md:table-cell">Action</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {audit.map((entry) => (
                  <TableRow key={entry.id} data-testid="audit-row">
                    <TableCell className="whitespace-nowrap">{entry.at.toISOString().slice(0, 19).replace("T", " ")}</TableCell>
                    <TableCell>{entry.actorName ?? (entry.actorTokenName ? `API token “${entry.actorTokenName}”` : "—")}</TableCell>
                    <TableCell>{formatAuditEntry(entry.action, entry.details)}</TableCell>
                    <TableCell className="hidden font-mono text-xs text-muted-foreground md:table-cell">{entry.action}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
