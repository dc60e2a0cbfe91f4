import { z } from "zod";
import type { JobKind } from "@/lib/domain/job-kinds";

export const POSTS_RUN_KIND = "posts.pipeline" satisfies JobKind;

/** What job_runs.params holds for a posts.pipeline run; read back with this schema. */
export const postRunParamsSchema = z.object({
  /** The workspace's local day: one tiktok_post_stats row per post for it. */
  statsDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  sheetSourceId: z.uuid().optional(),
  retryOf: z.uuid().optional(),
  /** A retry asks again for posts that failed permanently that day; a plain run leaves them for tomorrow. */
  includePermanentFailures: z.boolean().default(false),
  batchCount: z.number().int().min(0).optional(),
});

export type PostRunParams = z.infer<typeof postRunParamsSchema>;
