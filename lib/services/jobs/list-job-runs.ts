import { desc, eq } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { jobRuns } from "@/lib/db/schema";

export async function listJobRuns(tx: Tx, workspaceId: string, limit = 50) {
  return tx
    .select({
      id: jobRuns.id,
      kind: jobRuns.kind,
      status: jobRuns.status,
      trigger: jobRuns.trigger,
      progressDone: jobRuns.progressDone,
      progressTotal: jobRuns.progressTotal,
      counters: jobRuns.counters,
      error: jobRuns.error,
      startedAt: jobRuns.startedAt,
      finishedAt: jobRuns.finishedAt,
      createdAt: jobRuns.createdAt,
    })
    .from(jobRuns)
    .where(eq(jobRuns.workspaceId, workspaceId))
    .orderBy(desc(jobRuns.createdAt))
    .limit(limit);
}
