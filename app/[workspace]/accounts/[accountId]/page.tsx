import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AccountEditor } from "@/components/accounts/account-editor";
import { FollowersChart } from "@/components/accounts/followers-chart";
import { ExportLinks } from "@/components/layout/export-links";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { hasRole } from "@/lib/auth/roles";
import { getWorkspaceContext } from "@/lib/auth/workspace-context";
import { withUserDb } from "@/lib/db/rls";
import { AppError } from "@/lib/errors";
import { formatCount, formatHandle, PLATFORM_LABELS } from "@/lib/format";
import { profileUrlOf } from "@/lib/services/accounts/account-identity";
import { accountHistoryQuerySchema, dailyFollowers, getAccount } from "@/lib/services/accounts/get-account";

export const metadata: Metadata = { title: "Account" };

const RANGES = [
  { label: "30 days", days: 30 },
  { label: "90 days", days: 90 },
  { label: "1 year", days: 365 },
] as const;
const RECENT = 30;

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "never");

export default async function AccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string; accountId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspace: slug, accountId } = await params;
  const { claims, workspace } = await getWorkspaceContext(slug);
  if (!z.uuid().safeParse(accountId).success) notFound();
  const { from } = await searchParams;
  // A hand-edited range falls back to the default instead of failing the page.
  const parsedRange = accountHistoryQuerySchema.safeParse({ from: typeof from === "string" ? from : undefined });
  const range = parsedRange.success ? parsedRange.data : accountHistoryQuerySchema.parse({});
  const account = await withUserDb(claims, (tx) => getAccount(tx, { workspaceId: workspace.id, accountId, range })).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const handle = formatHandle(account.platform, account.handle);
  const profileUrl = account.profileUrl ?? profileUrlOf(account.platform, account.handle);
  const recent = account.history.snapshots.slice(-RECENT).reverse();
  const fromFor = (days: number) => new Date(Date.parse(range.to) - (days - 1) * 86_400_000).toISOString().slice(0, 10);

  return (
    <div className="space-y-4">
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {account.displayName ?? handle}
            {account.isCore ? <Badge variant="outline">Core</Badge> : null}
            {account.active ? null : <Badge variant="secondary">Inactive</Badge>}
          </span>
        }
        description={
          <>
            {PLATFORM_LABELS[account.platform]} · {handle}
            {account.organization ? ` · ${account.organization}` : ""} ·{" "}
            <a className="underline underline-offset-4" href={profileUrl} target="_blank" rel="noopener noreferrer">
              Open profile
            </a>
          </>
        }
        actions={
          <>
            <ExportLinks href={`/api/v1/workspaces/${workspace.slug}/accounts/${account.id}/export`} search={new URLSearchParams()} testId="export-history" />
            <Link className="text-sm underline underline-offset-4" href={`/${workspace.slug}/accounts`}>
              All accounts
            </Link>
          </>
        }
      />

      <Card>
        <CardHeader>
          <CardTitle>Health</CardTitle>
          <CardDescription>{account.tags.length > 0 ? `Tags: ${account.tags.join(", ")}` : "No tags."}</CardDescription>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-3 text-sm sm:grid-cols-4" data-testid="account-health">
            <div>
              <dt className="text-muted-foreground">Status</dt>
              <dd>{account.healthStatus === "unknown" ? "Never scraped" : account.healthStatus === "failing" ? "Failing" : "Healthy"}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Last success</dt>
              <dd>{when(account.lastSuccessAt)}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Last error</dt>
              <dd>{account.lastErrorCode ? `${account.lastErrorCode} (${when(account.lastErrorAt)})` : "none"}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Consecutive failures</dt>
              <dd className="tabular-nums">{account.consecutiveFailures}</dd>
            </div>
          </dl>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Followers</CardTitle>
          <CardDescription className="flex flex-wrap gap-3">
            <span>
              {range.from} to {range.to}
            </span>
            {RANGES.map(({ label, days }) => (
              <Link key={days} className="underline underline-offset-4" href={`?from=${fromFor(days)}`}>
                {label}
              </Link>
            ))}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <FollowersChart points={dailyFollowers(account.history)} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Recent snapshots</CardTitle>
          <CardDescription>“—” means the platform did not report the figure; “≈” marks a rounded figure.</CardDescription>
        </CardHeader>
        <CardContent className="overflow-x-auto">
          {recent.length === 0 ? (
            <p className="text-sm text-muted-foreground">No snapshots in this range yet.</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Date</TableHead>
                  <TableHead className="text-right">Followers</TableHead>
                  <TableHead className="text-right">Following</TableHead>
                  <TableHead className="text-right">Posts</TableHead>
                  <TableHead className="text-right">Likes</TableHead>
                  <TableHead>Source</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {recent.map((snapshot) => (
                  <TableRow key={snapshot.date} data-testid="snapshot-row">
                    <TableCell>{snapshot.date}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatCount(snapshot.followers, snapshot.approximate)}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatCount(snapshot.following)}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatCount(snapshot.posts)}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatCount(snapshot.likes)}</TableCell>
                    <TableCell className="text-muted-foreground">{snapshot.source}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

      {hasRole(workspace.role, "editor") ? (
        <Card>
          <CardHeader>
            <CardTitle>Edit</CardTitle>
            <CardDescription>Platform and handle identify the account and cannot change; add a new account instead.</CardDescription>
          </CardHeader>
          <CardContent>
            <AccountEditor
              workspaceSlug={workspace.slug}
              account={{
                id: account.id,
                label: `${PLATFORM_LABELS[account.platform]} ${handle}`,
                displayName: account.displayName,
                organization: account.organization,
                tags: account.tags,
                isCore: account.isCore,
                active: account.active,
              }}
            />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
