import type { JobStatus } from "@/lib/domain/job-status";

/**
 * `npm run jobs:run`'s exit code from the run's final status: 0 succeeded, 2 partial (some items
 * failed), 3 failed (nothing succeeded), 4 cancelled or interrupted. 1 is left for "could not run".
 */
export function exitCodeFor(status: JobStatus): number {
  switch (status) {
    case "succeeded":
      return 0;
    case "partial":
      return 2;
    case "failed":
      return 3;
    default:
      return 4;
  }
}
