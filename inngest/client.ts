import { Inngest } from "inngest";
import { z } from "zod";
import { PLATFORMS } from "@/lib/domain/platforms";
import { env } from "@/lib/env";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD");

/** Start (or resume) the snapshot run `runId`, already recorded in job_runs as queued. */
export const snapshotsRequestedSchema = z.object({
  workspaceId: z.uuid(),
  runId: z.uuid(),
  platform: z.enum(PLATFORMS).optional(),
  accountId: z.uuid().optional(),
  triggeredBy: z.uuid().optional(),
});

/** One batch of a run: accounts of one platform, so concurrency can be keyed per platform. */
export const snapshotsBatchSchema = z.object({
  workspaceId: z.uuid(),
  runId: z.uuid(),
  batchId: z.string().regex(/^b\d{3,}$/),
  /** `${runId}:${batchId}`: the idempotency key, one function run per batch. */
  batchKey: z.string().min(1).max(80),
  platform: z.enum(PLATFORMS),
  snapshotDate: isoDate,
  accountIds: z.array(z.uuid()).min(1).max(100),
});

export const snapshotsCancelSchema = z.object({ runId: z.uuid() });

export type SnapshotsRequested = z.infer<typeof snapshotsRequestedSchema>;
export type SnapshotsBatch = z.infer<typeof snapshotsBatchSchema>;
export type SnapshotsCancel = z.infer<typeof snapshotsCancelSchema>;

/** Inngest runs the functions when it is configured (an event key, or INNGEST_DEV); otherwise the local runner does. */
export const inngestConfigured = Boolean(env.INNGEST_EVENT_KEY) || env.INNGEST_DEV;

export function createInngestClient(options: { signingKey?: string; eventKey?: string; isDev?: boolean } = {}) {
  return new Inngest({ id: "reach", ...options });
}

export const inngest = createInngestClient({
  eventKey: env.INNGEST_EVENT_KEY,
  signingKey: env.INNGEST_SIGNING_KEY,
  isDev: env.INNGEST_DEV,
});
