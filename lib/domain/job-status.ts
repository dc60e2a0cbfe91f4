/** A run's lifecycle; "partial" ends a run in which some items failed and some succeeded. */
export const JOB_STATUSES = ["queued", "running", "succeeded", "partial", "failed", "cancelled", "interrupted"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Statuses of a run still going: at most one per workspace and kind (a partial unique index). */
export const ACTIVE_JOB_STATUSES = ["queued", "running"] as const satisfies readonly JobStatus[];
