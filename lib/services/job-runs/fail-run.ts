import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { jobRuns } from "@/lib/db/schema";

/**
 * A run whose engine gave up (retries exhausted, or a permanent error) ends as failed with a readable
 * reason. True only for the call that closed it, so exactly one caller announces the closed run.
 */
export async function failRun(db: Db, { runId, message, now }: { runId: string; message: string; now: Date }): Promise<boolean> {
  const closed = await db
    .update(jobRuns)
    .set({ status: "failed", error: message.slice(0, 500), finishedAt: now })
    .where(and(eq(jobRuns.id, runId), inArray(jobRuns.status, ["queued", "running"])))
    .returning({ id: jobRuns.id });
  return closed.length > 0;
}
