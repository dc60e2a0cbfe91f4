import { z } from "zod";
import { PLATFORMS } from "@/lib/domain/platforms";
import type { JobKind } from "@/lib/domain/job-kinds";
import { SCRAPE_ERROR_CODES } from "@/lib/scrapers/errors";

/** What job_runs.params holds for an accounts.snapshot run; read back with this schema. */
export const snapshotRunParamsSchema = z.object({
  snapshotDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  platform: z.enum(PLATFORMS).optional(),
  accountId: z.uuid().optional(),
  retryOf: z.uuid().optional(),
  /** A retry asks again for accounts that failed permanently that day; a plain run leaves them for tomorrow. */
  includePermanentFailures: z.boolean().default(false),
});

export type SnapshotRunParams = z.infer<typeof snapshotRunParamsSchema>;

export const SNAPSHOT_RUN_KIND = "accounts.snapshot" satisfies JobKind;

/** Error codes that trying again the same day cannot fix (the scrapers' `retryable: false`). */
export const PERMANENT_ERROR_CODES = Object.entries(SCRAPE_ERROR_CODES)
  .filter(([, meta]) => !meta.retryable)
  .map(([code]) => code);
