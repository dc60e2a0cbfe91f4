import type { Db } from "@/lib/db/client";
import { isJobKind, type JobKind } from "@/lib/domain/job-kinds";
import { AppError } from "@/lib/errors";
import { cancelRun } from "@/lib/services/job-runs/cancel-run";
import { findRetryableRun } from "@/lib/services/job-runs/find-retryable-run";
import { retryPostRun } from "@/lib/services/posts/retry-post-run";
import { retrySnapshotRun } from "@/lib/services/snapshots/retry-snapshot-run";
import { jobEvent, type RegisteredJobEvent } from "./events";

const CANCEL_EVENT = {
  "accounts.snapshot": "snapshots.cancel",
  "posts.pipeline": "posts.cancel",
} as const satisfies Record<JobKind, string>;

type Retry = (db: Db, input: { workspaceId: string; runId: string; triggeredBy: string | null; now: Date }) => Promise<{ runId: string; event: RegisteredJobEvent<"snapshots.requested" | "posts.requested"> }>;

const RETRY: Record<JobKind, Retry> = {
  "accounts.snapshot": retrySnapshotRun,
  "posts.pipeline": retryPostRun,
};

/** Cancels a run of any kind; returns the event that stops its functions on the engine. */
export async function cancelJobRun(db: Db, workspaceId: string, runId: string, now: Date): Promise<RegisteredJobEvent<"snapshots.cancel" | "posts.cancel">> {
  const { kind } = await cancelRun(db, { workspaceId, runId, now });
  return jobEvent(isJobKind(kind) ? CANCEL_EVENT[kind] : "snapshots.cancel", { runId });
}

/** "Retry failed" / "Resume" for a run of any kind: a new run of the same kind over what is left. */
export async function retryJobRun(db: Db, input: { workspaceId: string; runId: string; triggeredBy: string | null; now: Date }) {
  const { kind } = await findRetryableRun(db, input);
  if (!isJobKind(kind)) throw new AppError("conflict", "This kind of run cannot be retried.");
  return RETRY[kind](db, input);
}
