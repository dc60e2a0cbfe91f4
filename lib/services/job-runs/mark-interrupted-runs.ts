import { and, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { jobRuns } from "@/lib/db/schema";

/**
 * At local-runner start: runs this process's predecessor left queued or running died with it
 * (a CLI stopped with Ctrl-C passes its own run ids).
 * Marked 'interrupted' so the Jobs page offers to resume them (a retry picks up what is left).
 */
export async function markInterruptedRuns(db: Db, { now, runIds }: { now: Date; runIds?: string[] }): Promise<number> {
  const rows = await db
    .update(jobRuns)
    .set({ status: "interrupted", finishedAt: now, error: "The server stopped during this run; retry to resume it." })
    .where(and(inArray(jobRuns.status, ["queued", "running"]), runIds ? inArray(jobRuns.id, runIds) : undefined))
    .returning({ id: jobRuns.id });
  return rows.length;
}
