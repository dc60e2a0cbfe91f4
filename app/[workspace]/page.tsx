import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cachedSummary } from "@/lib/cache/process-summary-cache";
import { getWorkspaceContext } from "@/lib/auth/workspace-context";
import { withUserDb } from "@/lib/db/rls";
import { formatCount } from "@/lib/format";
import { getOverview } from "@/lib/services/overview/get-overview";

export const metadata: Metadata = { title: "Overview" };

function Stat({ title, value, hint, href }: { title: string; value: string; hint: string; href: string }) {
  return (
    <Link href={href} className="rounded-xl focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
      <Card className="h-full transition-colors hover:bg-accent/50">
        <CardHeader>
          <CardDescription>{title}</CardDescription>
          <CardTitle className="text-3xl tabular-nums">{value}</CardTitle>
        </CardHeader>
        <CardContent className="text-sm text-muted-foreground">{hint}</CardContent>
      </Card>
    </Link>
  );
}

export default async function OverviewPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { claims, workspace } = await getWorkspaceContext(slug);
  const overview = await withUserDb(claims, (tx) =>
    cachedSummary(tx, { workspace, kind: "overview", query: {} }, () => getOverview(tx, workspace.id)),
  );
  const base = `/${workspace.slug}`;
  return (
    <div className="space-y-6">
      <PageHeader title="Overview" description={`${workspace.name} · times in ${workspace.timezone}`} />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Stat title="Tracked accounts" value={formatCount(overview.accounts)} hint={`${overview.neverScraped} never scraped`} href={`${base}/accounts`} />
        <Stat title="Failing accounts" value={formatCount(overview.failingAccounts)} hint="Last scrape failed" href={`${base}/accounts?health=failing`} />
        <Stat title="TikTok posts" value={formatCount(overview.posts)} hint={`${overview.scrapedPosts} scraped · ${overview.failedPosts} failed`} href={`${base}/posts`} />
        <Stat title="Total views" value={formatCount(overview.totalViews)} hint="Latest views across all posts" href={`${base}/posts`} />
      </div>
      <p className="text-sm text-muted-foreground">
        {overview.lastRun
          ? `Last job: ${overview.lastRun.kind} — ${overview.lastRun.status}${overview.lastRun.finishedAt ? `, finished ${overview.lastRun.finishedAt}` : ""}.`
          : "No job has run yet."}
      </p>
    </div>
  );
}
