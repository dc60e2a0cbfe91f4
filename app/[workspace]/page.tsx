import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { FollowersTotalChart } from "@/components/overview/followers-total-chart";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cachedSummary } from "@/lib/cache/process-summary-cache";
import { getWorkspaceContext } from "@/lib/auth/workspace-context";
import { withUserDb } from "@/lib/db/rls";
import { isJobKind, JOB_KIND_LABELS } from "@/lib/domain/job-kinds";
import { localDate } from "@/lib/domain/local-time";
import { formatChange, formatCount, PLATFORM_LABELS } from "@/lib/format";
import { getOverview, type Overview } from "@/lib/services/overview/get-overview";

export const metadata: Metadata = { title: "Overview" };

/** A card whose title links to the page with the detail behind it. */
function OverviewCard({ title, href, description, children, className, testId }: { title: string; href: string; description?: string; children: ReactNode; className?: string; testId?: string }) {
  return (
    <Card className={className} data-testid={testId}>
      <CardHeader>
        <CardTitle className="text-base">
          <Link href={href} className="hover:underline focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
            {title} →
          </Link>
        </CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent className="space-y-3">{children}</CardContent>
    </Card>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <div className="text-xs text-muted-foreground">{label}</div>
      <div className="text-2xl font-semibold tabular-nums">{value}</div>
    </div>
  );
}

function Rows({ empty, children }: { empty: string; children: ReactNode[] }) {
  if (children.length === 0) return <p className="text-sm text-muted-foreground">{empty}</p>;
  return <ul className="divide-y text-sm">{children}</ul>;
}

function MoverRows({ rows, base, empty }: { rows: Overview["gainers"]; base: string; empty: string }) {
  return (
    <Rows empty={empty}>
      {rows.map((row) => (
        <li key={row.id} className="flex items-center justify-between gap-3 py-1.5">
          <Link href={`${base}/accounts/${row.id}`} className="min-w-0 truncate hover:underline">
            {row.displayName ?? `@${row.handle}`} <span className="text-muted-foreground">· {PLATFORM_LABELS[row.platform]}</span>
          </Link>
          <span className={`shrink-0 tabular-nums ${row.change7d > 0 ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}>{formatChange(row.change7d)}</span>
        </li>
      ))}
    </Rows>
  );
}

const postLabel = (row: { postId: string; creator: string | null; va: string | null }) => [row.creator ? `@${row.creator}` : row.postId, row.va].filter(Boolean).join(" · ");
const kindLabel = (kind: string) => (isJobKind(kind) ? JOB_KIND_LABELS[kind] : kind);

export default async function OverviewPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { claims, workspace } = await getWorkspaceContext(slug);
  const now = new Date();
  // Keyed by the workspace's day too: "today", freshness and the chart's 30 days move at midnight.
  const overview = await withUserDb(claims, (tx) =>
    cachedSummary(tx, { workspace, kind: "overview", query: { today: localDate(workspace.timezone, now) } }, () => getOverview(tx, { workspace, now })),
  );
  const base = `/${workspace.slug}`;
  const { accounts, followers } = overview;
  return (
    <div className="space-y-6">
      <PageHeader title="Overview" description={`${workspace.name} · today is ${overview.today} in ${workspace.timezone}`} />
      <div className="grid gap-4 lg:grid-cols-3">
        <OverviewCard
          className="lg:col-span-2"
          title="Total followers"
          href={`${base}/accounts?show=active&sort=followers`}
          description={`Across ${formatCount(followers.accounts)} of ${formatCount(accounts.active)} active accounts (${formatCount(accounts.all)} in all) on ${followers.asOf ?? "—"}. Changes sum each fresh account's own change.`}
        >
          <div className="flex flex-wrap gap-6">
            <Figure label="Followers" value={followers.total === null ? "—" : `${followers.approximate ? "≈" : ""}${formatCount(followers.total)}`} />
            <Figure label="7-day change" value={formatChange(followers.change7d)} />
            <Figure label="30-day change" value={formatChange(followers.change30d)} />
          </div>
          <FollowersTotalChart points={followers.daily} />
        </OverviewCard>
        <OverviewCard title="Accounts" href={`${base}/accounts?show=active`} description={`${formatCount(accounts.active)} active accounts of ${formatCount(accounts.all)} in all.`}>
          <ul className="space-y-1 text-sm">
            <li>
              <Link className="hover:underline" href={`${base}/accounts?show=active&health=failing`} data-testid="overview-failing-count">
                {formatCount(accounts.failing)} failing
              </Link>
            </li>
            <li>
              <Link className="hover:underline" href={`${base}/accounts?show=active&health=stale`}>{formatCount(accounts.stale)} stale (no snapshot for over 2 days)</Link>
            </li>
            <li>
              <Link className="hover:underline" href={`${base}/accounts?show=active&health=never_scraped`}>{formatCount(accounts.neverScraped)} never scraped</Link>
            </li>
            <li className="text-muted-foreground">{formatCount(accounts.all - accounts.active)} paused</li>
          </ul>
        </OverviewCard>
        <OverviewCard testId="overview-gainers" title="Top gainers" href={`${base}/accounts?show=active&sort=change_7d`} description="Followers gained in 7 days, fresh active accounts.">
          <MoverRows rows={overview.gainers} base={base} empty="No account gained followers this week." />
        </OverviewCard>
        <OverviewCard title="Top losers" href={`${base}/accounts?show=active&sort=change_7d_asc`} description="Followers lost in 7 days, fresh active accounts.">
          <MoverRows rows={overview.losers} base={base} empty="No account lost followers this week." />
        </OverviewCard>
        <OverviewCard testId="overview-failing-accounts" title="Failing accounts" href={`${base}/accounts?show=active&health=failing`} description={`${formatCount(accounts.failing)} whose last scrape failed.`}>
          <Rows empty="No account is failing.">
            {overview.failingAccounts.map((row) => (
              <li key={row.id} className="flex items-center justify-between gap-3 py-1.5">
                <Link href={`${base}/accounts/${row.id}`} className="min-w-0 truncate hover:underline">
                  @{row.handle} <span className="text-muted-foreground">· {PLATFORM_LABELS[row.platform]}</span>
                </Link>
                <span className="shrink-0 font-mono text-xs text-muted-foreground">{row.lastErrorCode ?? "error"}</span>
              </li>
            ))}
          </Rows>
        </OverviewCard>
        <OverviewCard title="Posts pipeline today" href={`${base}/jobs`} description={`${formatCount(overview.posts.all)} posts: ${formatCount(overview.posts.scraped)} scraped, ${formatCount(overview.posts.failed)} failed.`}>
          <div className="flex flex-wrap gap-6">
            <Figure label="New posts" value={formatCount(overview.pipelineToday.newPosts)} />
            <Figure label="Views gained" value={formatCount(overview.pipelineToday.viewsGained)} />
            <Figure label="Failures" value={formatCount(overview.pipelineToday.failures)} />
          </div>
        </OverviewCard>
        <OverviewCard title="Failing posts" href={`${base}/posts?status=failed`} description={`${formatCount(overview.posts.failed)} posts whose last scrape failed.`}>
          <Rows empty="No post is failing.">
            {overview.failingPosts.map((row) => (
              <li key={row.id} className="flex items-center justify-between gap-3 py-1.5">
                <Link href={`${base}/posts/${row.id}`} className="min-w-0 truncate hover:underline">{postLabel(row)}</Link>
                <span className="shrink-0 font-mono text-xs text-muted-foreground">{row.lastErrorCode ?? "error"}</span>
              </li>
            ))}
          </Rows>
        </OverviewCard>
        <OverviewCard title="Top posts this week" href={`${base}/posts?sort=gained7d`} description="Views gained in 7 days, posts scraped today or yesterday.">
          <Rows empty="No post gained views this week.">
            {overview.topPosts.map((row) => (
              <li key={row.id} className="flex items-center justify-between gap-3 py-1.5">
                <Link href={`${base}/posts/${row.id}`} className="min-w-0 truncate hover:underline">{postLabel(row)}</Link>
                <span className="shrink-0 tabular-nums">{formatChange(row.viewsGained7d)}</span>
              </li>
            ))}
          </Rows>
        </OverviewCard>
        <OverviewCard title="Last runs" href={`${base}/jobs`} description="The latest job runs, newest first.">
          <Rows empty="No job has run yet.">
            {overview.runs.map((row) => (
              <li key={row.id} className="flex items-center justify-between gap-3 py-1.5">
                <span className="min-w-0 truncate">
                  {kindLabel(row.kind)} <span className="text-muted-foreground">· {row.createdAt.slice(0, 16).replace("T", " ")} UTC</span>
                </span>
                <span className="shrink-0 text-xs">
                  {row.status}
                  {row.progressTotal ? ` ${row.progressDone}/${row.progressTotal}` : ""}
                </span>
              </li>
            ))}
          </Rows>
        </OverviewCard>
      </div>
    </div>
  );
}
