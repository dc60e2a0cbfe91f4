import type { JobDefinition } from "@/lib/jobs/job-definition";
import type { JobDeps } from "@/lib/jobs/job-deps";
import { pruneOldRecords, type RetentionPolicy } from "@/lib/services/retention/prune-old-records";

// Daily at 03:17 UTC, off the hour when schedulers crowd.
export const PRUNE_RECORDS_CRON = "17 3 * * *";

/** Cron → deletes scraping logs and audit entries past their retention period. */
export function pruneRecords(deps: JobDeps & { retention: RetentionPolicy }): JobDefinition<Record<string, unknown>> {
  return {
    id: "prune-records",
    trigger: { cron: PRUNE_RECORDS_CRON },
    retries: 2,
    concurrency: [{ limit: 1 }],
    async handler({ step }) {
      return step.run("prune", () => deps.withDb((db) => pruneOldRecords(db, { ...deps.retention, now: deps.now() })));
    },
  };
}
