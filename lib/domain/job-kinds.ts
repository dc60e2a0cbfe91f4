/** Every kind of job run (job_runs.kind): the closed list the registry, the services and the Jobs page share. */
export const JOB_KINDS = ["accounts.snapshot", "posts.pipeline"] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const JOB_KIND_LABELS: Record<JobKind, string> = {
  "accounts.snapshot": "Account snapshots",
  "posts.pipeline": "TikTok posts",
};

export function isJobKind(value: string): value is JobKind {
  return (JOB_KINDS as readonly string[]).includes(value);
}
