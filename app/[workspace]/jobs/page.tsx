import type { Metadata } from "next";
import { Activity } from "lucide-react";
import { EmptyState } from "@/components/layout/empty-state";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Progress } from "@/components/ui/progress";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getWorkspaceContext } from "@/lib/auth/workspace-context";
import { withUserDb } from "@/lib/db/rls";
import { formatDuration } from "@/lib/format";
import { listJobRuns } from "@/lib/services/jobs/list-job-runs";

export const metadata: Metadata = { title: "Jobs" };

export default async function JobsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { claims, workspace } = await getWorkspaceContext(slug);
  const runs = await withUserDb(claims, (tx) => listJobRuns(tx, workspace.id));
  return (
    <div className="space-y-4">
      <PageHeader title="Jobs" description="Snapshot and scraping runs, newest first." />
      {runs.length === 0 ? (
        <EmptyState icon={Activity} title="No runs yet" description="Runs appear here when a scheduled or manual job starts." />
      ) : (
        <div className="overflow-x-auto rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Job</TableHead>
                <TableHead>Status</TableHead>
                <TableHead className="w-40">Progress</TableHead>
                <TableHead className="hidden md:table-cell">Outcomes</TableHead>
                <TableHead className="hidden sm:table-cell">Duration</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {runs.map((run) => {
                const total = run.progressTotal ?? 0;
                const percent = total > 0 ? Math.round((run.progressDone / total) * 100) : 0;
                const duration = run.startedAt && run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null;
                return (
                  <TableRow key={run.id}>
                    <TableCell>
                      <div className="font-medium">{run.kind}</div>
                      <div className="text-xs text-muted-foreground">
                        {run.trigger} · {(run.startedAt ?? run.createdAt).toISOString().replace("T", " ").slice(0, 16)}
                      </div>
                    </TableCell>
                    <TableCell>
                      <Badge variant={run.status === "failed" ? "destructive" : run.status === "succeeded" ? "secondary" : "outline"} title={run.error ?? undefined}>
                        {run.status}
                      </Badge>
                    </TableCell>
                    <TableCell>
                      <Progress value={percent} aria-label={`${run.progressDone} of ${total}`} />
                      <span className="text-xs text-muted-foreground tabular-nums">
                        {run.progressDone} / {total}
                      </span>
                    </TableCell>
                    <TableCell className="hidden text-xs text-muted-foreground md:table-cell">
                      {Object.entries(run.counters).map(([key, value]) => `${key} ${value}`).join(" · ") || "—"}
                    </TableCell>
                    <TableCell className="hidden tabular-nums sm:table-cell">{formatDuration(duration)}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
