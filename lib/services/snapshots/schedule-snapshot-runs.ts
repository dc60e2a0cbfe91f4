import { jobEvent } from "@/lib/jobs/events";
import type { DailyRunKind } from "@/lib/services/job-runs/schedule-daily-runs";
import { SNAPSHOT_RUN_KIND } from "./snapshot-run-params";
import { startSnapshotRun, type StartedSnapshotRun } from "./start-snapshot-run";

/** The daily snapshot run of every workspace, at its snapshot time. */
export const DAILY_SNAPSHOT_RUNS: DailyRunKind<StartedSnapshotRun> = {
  kind: SNAPSHOT_RUN_KIND,
  dayParam: "snapshotDate",
  start: (db, { workspaceId, now, day }) => startSnapshotRun(db, { workspaceId, trigger: "cron", now, snapshotDate: day }),
  resend: ({ workspaceId, runId, day }) => ({ runId, snapshotDate: day, event: jobEvent("snapshots.requested", { workspaceId, runId }) }),
};

