import { pruneOldRecords, type RetentionPolicy } from "@/lib/services/retention/prune-old-records";
import type { JobDeps } from "../job-deps";
import { onCron } from "./define-job";

// Daily at 03:17 UTC, off the hour when schedulers crowd.
export const PRUNE_RECORDS_CRON = "17 3 * * *";

/** Cron → deletes scraping logs and audit entries past their retention period. */
export function pruneRecords(deps: JobDeps & { retention: RetentionPolicy }) {
  return onCron(PRUNE_RECORDS_CRON, {
    id: "prune-records",
    retries: 2,
    concurrency: [{ limit: 1 }],
    async handler({ step }) {
      return step.run("prune", () => deps.withDb((db) => pruneOldRecords(db, { ...deps.retention, now: deps.now() })));
    },
  });
}
