import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { HealthCharts } from "@/components/system-health/health-charts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { hasRole } from "@/lib/auth/roles";
import { getWorkspaceContext } from "@/lib/auth/workspace-context";
import { withUserDb } from "@/lib/db/rls";
import { formatLatency, PLATFORM_LABELS } from "@/lib/format";
import { getWorkspaceHealth, type PlatformHealth } from "@/lib/services/system-health/get-workspace-health";

const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 1000) / 10}%`);

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
      <Card>
        <CardHeader>
          <CardTitle>Scrapes by platform</CardTitle>
          <CardDescription>Share of accounts or posts scraped, and how long one scrape took (p50 / p95, retries included).</CardDescription>
        </CardHeader>
        <CardContent>
          {health.platforms.length === 0 ? (
            <p className="text-sm text-muted-foreground">No scrapes in the last 7 days.</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Platform</TableHead>
                  <TableHead className="text-right">Success, 24 h</TableHead>
                  <TableHead className="text-right">Success, 7 d</TableHead>
                  <TableHead className="text-right">Latency, 24 h</TableHead>
                  <TableHead className="text-right">Latency, 7 d</TableHead>
                  <TableHead className="text-right">Scrapes, 7 d</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {platformRows(health.platforms).map(([platform, windows]) => (
                  <TableRow key={platform} data-testid="platform-row">
                    <TableCell>{PLATFORM_LABELS[platform] ?? platform}</TableCell>
                    <TableCell className="text-right tabular-nums">{percent(windows["24h"]?.successRate ?? null)}</TableCell>
                    <TableCell className="text-right tabular-nums">{percent(windows["7d"]?.successRate ?? null)}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      {windows["24h"] ? `${formatLatency(windows["24h"].p50Ms)} / ${formatLatency(windows["24h"].p95Ms)}` : "—"}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      {windows["7d"] ? `${formatLatency(windows["7d"].p50Ms)} / ${formatLatency(windows["7d"].p95Ms)}` : "—"}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{windows["7d"]?.scrapes ?? 0}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Google Sheets API</CardTitle>
          <CardDescription>Requests of the post runs started each day, and the 429 quota answers among them (each was retried after a backoff).</CardDescription>
        </CardHeader>
        <CardContent>
          {health.days.every((day) => day.sheetsRequests === 0) ? (
            <p className="text-sm text-muted-foreground">No Sheets requests in the last 7 days.</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Day</TableHead>
                  <TableHead className="text-right">Requests</TableHead>
                  <TableHead className="text-right">429 answers</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {health.days.map((day) => (
                  <TableRow key={day.date} data-testid="sheets-day">
                    <TableCell>{day.date}</TableCell>
                    <TableCell className="text-right tabular-nums">{day.sheetsRequests}</TableCell>
                    <TableCell className="text-right tabular-nums">{day.sheetsRateLimited}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Errors by platform and code</CardTitle>
          <CardDescription>
            Item failures in the last 7 days&apos; batches. Each run is on <Link href={`/${workspace.slug}/jobs`} className="underline underline-offset-4">Jobs</Link>.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {health.errors.length === 0 ? (
            <p className="text-sm text-muted-foreground">No failures in the last 7 days.</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Platform</TableHead>
                  <TableHead>Code</TableHead>
                  <TableHead className="text-right">Failures</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {health.errors.map((error) => (
                  <TableRow key={`${error.platform}:${error.code}`} data-testid="error-row">
                    <TableCell>{error.platform ? (PLATFORM_LABELS[error.platform] ?? error.platform) : "—"}</TableCell>
                    <TableCell>{error.code.replaceAll("_", " ")}</TableCell>
                    <TableCell className="text-right tabular-nums">{error.count}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
