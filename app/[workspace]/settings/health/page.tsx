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
import { getWorkspaceHealth } from "@/lib/services/system-health/get-workspace-health";

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
          <CardTitle>Errors by code</CardTitle>
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
                  <TableHead>Code</TableHead>
                  <TableHead className="text-right">Failures</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {health.errors.map((error) => (
                  <TableRow key={error.code} data-testid="error-row">
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
