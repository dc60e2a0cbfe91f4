import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { HealthCharts } from "@/components/system-health/health-charts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { NumberCell, TableCard } from "@/components/system-health/table-card";
import { TableCell, TableRow } from "@/components/ui/table";
import { hasRole } from "@/lib/auth/roles";
import { getWorkspaceContext } from "@/lib/auth/workspace-context";
import { withUserDb } from "@/lib/db/rls";
import { formatLatency, PLATFORM_LABELS } from "@/lib/format";
import { getWorkspaceHealth, type PlatformHealth } from "@/lib/services/system-health/get-workspace-health";

const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 1000) / 10}%`);

const WINDOWS = ["24h", "7d"] as const;
const latency = (entry: PlatformHealth | undefined) => (entry ? `${formatLatency(entry.p50Ms)} / ${formatLatency(entry.p95Ms)}` : "—");

function platformRows(platforms: PlatformHealth[]) {
  const rows = new Map<string, Partial<Record<PlatformHealth["window"], PlatformHealth>>>();
  for (const entry of platforms) rows.set(entry.platform, { ...rows.get(entry.platform), [entry.window]: entry });
  return [...rows.entries()];
}

export const metadata: Metadata = { title: "System health" };

export default async function SystemHealthPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { claims, workspace } = await getWorkspaceContext(slug);
  if (!hasRole(workspace.role, "admin")) forbidden();
  const health = await withUserDb(claims, (tx) => getWorkspaceHealth(tx, { workspaceId: workspace.id, timezone: workspace.timezone, now: new Date() }));
  const { freshness } = health;
  const cards = [
    { label: "Accounts without a snapshot since yesterday", value: freshness.staleAccounts, of: freshness.activeAccounts, testId: "stale-accounts" },
    { label: "Accounts failing", value: freshness.failingAccounts, of: freshness.activeAccounts, testId: "failing-accounts" },
    { label: "Posts not refreshed for 36 h", value: freshness.stalePosts, testId: "stale-posts" },
    { label: "Suspect snapshots, left out of growth", value: freshness.suspectSnapshots, testId: "suspect-snapshots" },
  ];
  return (
    <div className="space-y-6">
      <PageHeader title="System health" description={`The last 7 days in ${workspace.timezone}: runs, scrape batches, errors, and what is stale now.`} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {cards.map((card) => (
          <Card key={card.label}>
            <CardHeader className="pb-2">
              <CardDescription>{card.label}</CardDescription>
              <CardTitle className="text-2xl tabular-nums" data-testid={card.testId}>
                {card.value}
                {card.of !== undefined ? <span className="text-sm font-normal text-muted-foreground"> of {card.of}</span> : null}
              </CardTitle>
            </CardHeader>
          </Card>
        ))}
      </div>
      <Card>
        <CardContent className="pt-6">
          <HealthCharts days={health.days} />
        </CardContent>
      </Card>
      <TableCard
        title="Scrapes by platform"
        description="Share of accounts or posts scraped, and how long one scrape took (p50 / p95, retries included)."
        columns={[{ label: "Platform" }, ...["Success, 24 h", "Success, 7 d", "Latency, 24 h", "Latency, 7 d", "Scrapes, 7 d"].map((label) => ({ label, numeric: true }))]}
        empty={health.platforms.length === 0 ? "No scrapes in the last 7 days." : null}
      >
        {platformRows(health.platforms).map(([platform, windows]) => (
          <TableRow key={platform} data-testid="platform-row">
            <TableCell>{PLATFORM_LABELS[platform] ?? platform}</TableCell>
            {WINDOWS.map((window) => (
              <NumberCell key={window}>{percent(windows[window]?.successRate ?? null)}</NumberCell>
            ))}
            {WINDOWS.map((window) => (
              <NumberCell key={window}>{latency(windows[window])}</NumberCell>
            ))}
            <NumberCell>{windows["7d"]?.scrapes ?? 0}</NumberCell>
          </TableRow>
        ))}
      </TableCard>
      <TableCard
        title="Google Sheets API"
        description="Requests of the post runs started each day, and the 429 quota answers among them (each was retried after a backoff)."
        columns={[{ label: "Day" }, { label: "Requests", numeric: true }, { label: "429 answers", numeric: true }]}
        empty={health.days.every((day) => day.sheetsRequests === 0) ? "No Sheets requests in the last 7 days." : null}
      >
        {health.days.map((day) => (
          <TableRow key={day.date} data-testid="sheets-day">
            <TableCell>{day.date}</TableCell>
            <NumberCell>{day.sheetsRequests}</NumberCell>
            <NumberCell>{day.sheetsRateLimited}</NumberCell>
          </TableRow>
        ))}
      </TableCard>
      <TableCard
        title="Errors by platform and code"
        description={
          <>
            Item failures in the last 7 days&apos; batches. Each run is on <Link href={`/${workspace.slug}/jobs`} className="underline underline-offset-4">Jobs</Link>.
          </>
        }
        columns={[{ label: "Platform" }, { label: "Code" }, { label: "Failures", numeric: true }]}
        empty={health.errors.length === 0 ? "No failures in the last 7 days." : null}
      >
        {health.errors.map((error) => (
          <TableRow key={`${error.platform}:${error.code}`} data-testid="error-row">
            <TableCell>{error.platform ? (PLATFORM_LABELS[error.platform] ?? error.platform) : "—"}</TableCell>
            <TableCell>{error.code.replaceAll("_", " ")}</TableCell>
            <NumberCell>{error.count}</NumberCell>
          </TableRow>
        ))}
      </TableCard>
    </div>
  );
}
