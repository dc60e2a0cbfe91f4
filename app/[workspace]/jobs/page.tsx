import type { Metadata } from "next";
import { JobsBoard } from "@/components/jobs/jobs-board";
import { PageHeader } from "@/components/layout/page-header";
import { hasRole } from "@/lib/auth/roles";
import { getWorkspaceContext } from "@/lib/auth/workspace-context";
import { withUserDb } from "@/lib/db/rls";
import { listRuns } from "@/lib/services/job-runs/list-runs";
import { listSheets } from "@/lib/services/sheets/list-sheets";
import { listSnapshotTargets } from "@/lib/services/snapshots/list-snapshot-targets";

export const metadata: Metadata = { title: "Jobs" };

export default async function JobsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { claims, workspace } = await getWorkspaceContext(slug);
  const canEdit = hasRole(workspace.role, "editor");
  const { runs, targets, sheets } = await withUserDb(claims, async (tx) => ({
    runs: await listRuns(tx, { workspaceId: workspace.id }),
    targets: canEdit ? await listSnapshotTargets(tx, { workspaceId: workspace.id }) : [],
    // Every member may read which sheets feed the workspace (RLS); their runs are labelled with them.
    sheets: (await listSheets(tx, workspace.id)).map((sheet) => ({ id: sheet.id, label: `${sheet.name ?? sheet.spreadsheetId} · ${sheet.tab}` })),
  }));
  return (
    <div className="space-y-4">
      <PageHeader title="Jobs" description="Daily account snapshots and scraping runs, newest first. Progress updates while a run goes." />
      <JobsBoard slug={workspace.slug} canEdit={canEdit} initialRuns={runs} targets={targets} sheets={sheets} />
    </div>
  );
}
