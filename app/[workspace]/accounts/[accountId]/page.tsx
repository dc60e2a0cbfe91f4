import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AccountEditor } from "@/components/accounts/account-editor";
import { MetricChart } from "@/components/accounts/metric-chart";
import { RunSnapshotButton } from "@/components/accounts/run-snapshot-button";
import { EmptyState } from "@/components/layout/empty-state";
import { ExportLinks } from "@/components/layout/export-links";
import { QualityDetails } from "@/components/accounts/data-quality";
import { SourceDisagreements } from "@/components/accounts/source-disagreements";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { hasRole } from "@/lib/auth/roles";
import { getWorkspaceContext } from "@/lib/auth/workspace-context";
import { withUserDb } from "@/lib/db/rls";
import { localDate } from "@/lib/domain/local-time";
import { AppError } from "@/lib/errors";
import { formatChange, formatCount, formatHandle, PLATFORM_LABELS } from "@/lib/format";
import { profileUrlOf } from "@/lib/services/accounts/account-identity";
import { ACCOUNT_METRIC_LABELS, ACCOUNT_METRICS, isAccountMetric } from "@/lib/domain/account-metrics";
import { addDays } from "@/lib/domain/calendar";
import { dailyMetric } from "@/lib/services/accounts/daily-metric";
import { accountHistoryQuerySchema, getAccount } from "@/lib/services/accounts/get-account";
import { getAccountChanges } from "@/lib/services/accounts/get-account-changes";
import { getAccountQuality } from "@/lib/services/accounts/get-account-quality";
import { listSourceDisagreements } from "@/lib/services/accounts/list-source-disagreements";

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
  const query = await searchParams;
  const metric = isAccountMetric(query.metric) ? query.metric : "followers";
  // Ranges end today in the workspace's time zone, the day snapshots are dated by.
  const today = localDate(workspace.timezone, new Date());
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  // A hand-edited range falls back to the default instead of failing the page.
  const parsedRange = accountHistoryQuerySchema.safeParse({ from: text(query.from) ?? addDays(today, -89), to: text(query.to) ?? today });
  const range = parsedRange.success ? parsedRange.data : accountHistoryQuerySchema.parse({ from: addDays(today, -89), to: today });
  const [account, changes, quality, disagreements] = await withUserDb(claims, (tx) =>
    Promise.all([
      getAccount(tx, { workspaceId: workspace.id, accountId, range }),
      getAccountChanges(tx, { workspaceId: workspace.id, accountId, metric }),
      getAccountQuality(tx, { workspaceId: workspace.id, accountId, today }),
      listSourceDisagreements(tx, { workspaceId: workspace.id, accountId, today }),
    ]),
  ).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const handle = formatHandle(account.platform, account.handle);
  const profileUrl = account.profileUrl ?? profileUrlOf(account.platform, account.handle);
  const recent = account.history.snapshots.slice(-RECENT).reverse();
  const hrefFor = (next: { metric?: string; days?: number }) => {
    const params = new URLSearchParams({ metric: next.metric ?? metric });
    params.set("from", next.days ? addDays(range.to, -(next.days - 1)) : range.from);
    if (range.to !== today) params.set("to", range.to);
    return `?${params.toString()}`;
  };
  const rangeDays = Math.round((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000) + 1;
  const label = ACCOUNT_METRIC_LABELS[metric];
  const neverScraped = account.healthStatus === "unknown" && account.history.snapshots.length === 0 && changes.latestDate === null;

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
          <CardTitle>Data quality</CardTitle>
          <CardDescription>
            Over the last 30 days, on {today}.{" "}
            <span title="Snapshots flagged suspect are kept and shown, and left out of growth figures.">Suspect days are marked × on the chart.</span>
          </CardDescription>
        </CardHeader>
        <CardContent>
          <QualityDetails quality={quality} />
          <SourceDisagreements days={disagreements} />
        </CardContent>
      </Card>

      {neverScraped ? (
        <EmptyState
          title="Not scraped yet"
          description={
            hasRole(workspace.role, "editor")
              ? "Reach has no snapshot of this account. Run one now, or wait for the next daily run."
              : "Reach has no snapshot of this account yet; the next daily run takes the first one."
          }
          action={hasRole(workspace.role, "editor") ? <RunSnapshotButton workspaceSlug={workspace.slug} accountId={account.id} /> : undefined}
        />
      ) : (
        <Card>
          <CardHeader>
            <CardTitle>{label}</CardTitle>
            <CardDescription className="space-y-2">
              <span className="flex flex-wrap gap-3" role="group" aria-label="Figure">
                {ACCOUNT_METRICS.map((option) => (
                  <Link
                    key={option}
                    href={hrefFor({ metric: option })}
                    aria-current={option === metric ? "page" : undefined}
                    className={option === metric ? "font-semibold text-foreground" : "underline underline-offset-4"}
                  >
                    {ACCOUNT_METRIC_LABELS[option]}
                  </Link>
                ))}
              </span>
              <span className="flex flex-wrap gap-3" role="group" aria-label="Range">
                <span>
                  {range.from} to {range.to}
                </span>
                {RANGES.map(({ label: rangeLabel, days }) => (
                  <Link
                    key={days}
                    href={hrefFor({ days })}
                    aria-current={days === rangeDays ? "page" : undefined}
                    className={days === rangeDays ? "font-semibold text-foreground" : "underline underline-offset-4"}
                  >
                    {rangeLabel}
                  </Link>
                ))}
              </span>
            </CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            <dl className="grid gap-3 text-sm sm:grid-cols-4" data-testid="account-changes">
              <div>
                <dt className="text-muted-foreground">Latest{changes.latestDate ? ` (${changes.latestDate})` : ""}</dt>
                <dd className="text-lg font-semibold tabular-nums">{formatCount(changes.latest)}</dd>
              </div>
              {changes.changes.map((change) => (
                <div key={change.days}>
                  <dt className="text-muted-foreground">{change.days}-day change</dt>
                  <dd className="text-lg font-semibold tabular-nums">
                    {formatChange(change.change)}
                    {change.percent !== null ? <span className="ml-1 text-sm font-normal text-muted-foreground">({change.percent >= 0 ? "+" : "−"}{Math.abs(change.percent).toFixed(1)}%)</span> : null}
                  </dd>
                  <dd className="text-xs text-muted-foreground">{change.since ? `since ${change.since}` : "not enough history"}</dd>
                </div>
              ))}
            </dl>
            <MetricChart points={dailyMetric(account.history, metric)} label={label} />
          </CardContent>
        </Card>
      )}

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
