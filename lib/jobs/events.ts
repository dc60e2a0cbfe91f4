import { z } from "zod";
import { PLATFORMS } from "@/lib/domain/platforms";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD");
const batchId = z.string().regex(/^b\d{3,}$/);
/** `${runId}:${batchId}`: the idempotency key, one function run per batch. */
const batchKey = z.string().min(1).max(80);

/**
 * Every job event: its name and its zod payload, for the send side (sendJobEvent, step.sendEvent)
 * and the receive side (both engines validate with the same schema; an invalid payload is dropped).
 */
export const JOB_EVENTS = {
  /** Start (or resume) the snapshot run `runId`, already recorded in job_runs as queued. */
  "snapshots.requested": z.object({
    workspaceId: z.uuid(),
    runId: z.uuid(),
    platform: z.enum(PLATFORMS).optional(),
    accountId: z.uuid().optional(),
    triggeredBy: z.uuid().optional(),
  }),
  /** One batch of a run: accounts of one platform, so concurrency can be keyed per platform. */
  "snapshots.batch": z.object({
    workspaceId: z.uuid(),
    runId: z.uuid(),
    batchId,
    batchKey,
    platform: z.enum(PLATFORMS),
    snapshotDate: isoDate,
    accountIds: z.array(z.uuid()).min(1).max(100),
  }),
  "snapshots.cancel": z.object({ runId: z.uuid() }),
  /** Start (or resume) the post pipeline run `runId`, already recorded in job_runs as queued. */
  "posts.requested": z.object({
    workspaceId: z.uuid(),
    runId: z.uuid(),
    sheetSourceId: z.uuid().optional(),
    triggeredBy: z.uuid().optional(),
  }),
  /** One batch of posts (tiktok_posts ids): scraped, their slides stored, their results written back. */
  "posts.batch": z.object({
    workspaceId: z.uuid(),
    runId: z.uuid(),
    batchId,
    batchKey,
    statsDate: isoDate,
    postIds: z.array(z.uuid()).min(1).max(100),
  }),
  "posts.cancel": z.object({ runId: z.uuid() }),
  /** A run closed (any final status): outgoing webhooks are queued and alert rules evaluated. */
  "runs.finished": z.object({ workspaceId: z.uuid(), runId: z.uuid() }),
  /** Deliver one recorded message (a deliveries row) to its endpoint, with retries. */
  "deliveries.send": z.object({ workspaceId: z.uuid(), deliveryId: z.uuid() }),
} as const;

export type JobEventName = keyof typeof JOB_EVENTS;
export type JobEventData<N extends JobEventName> = z.infer<(typeof JOB_EVENTS)[N]>;

/** A registered event: the name decides the payload type. */
export type RegisteredJobEvent<N extends JobEventName = JobEventName> = {
  [K in N]: { name: K; data: JobEventData<K>; id?: string };
}[N];

export type SnapshotsRequested = JobEventData<"snapshots.requested">;
export type SnapshotsBatch = JobEventData<"snapshots.batch">;
export type PostsRequested = JobEventData<"posts.requested">;
export type PostsBatch = JobEventData<"posts.batch">;

/** Builds a registered event; the compiler refuses an unknown name or a payload of the wrong shape. */
export function jobEvent<N extends JobEventName>(name: N, data: JobEventData<N>): RegisteredJobEvent<N> {
  return { name, data } as RegisteredJobEvent<N>;
}

export function isJobEventName(name: string): name is JobEventName {
  return Object.hasOwn(JOB_EVENTS, name);
}
