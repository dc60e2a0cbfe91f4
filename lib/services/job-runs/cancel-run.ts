import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { jobRuns } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/**
 * Marks a run of any kind cancelled at once; its steps check the status before each unit of work,
 * so it stops between steps on both engines (Inngest's cancelOn also ends the function runs).
 */
export async function cancelRun(db: Db, { workspaceId, runId, now }: { workspaceId: string; runId: string; now: Date }): Promise<{ runId: string; kind: string }> {
  const [cancelled] = await db
    .update(jobRuns)
    .set({ status: "cancelled", finishedAt: now, error: "Cancelled." })
    .where(and(eq(jobRuns.id, runId), eq(jobRuns.workspaceId, workspaceId), inArray(jobRuns.status, ["queued", "running", "interrupted"])))
    .returning({ id: jobRuns.id, kind: jobRuns.kind });
  if (cancelled) return { runId: cancelled.id, kind: cancelled.kind };
  const [existing] = await db.select({ status: jobRuns.status }).from(jobRuns).where(and(eq(jobRuns.id, runId), eq(jobRuns.workspaceId, workspaceId)));
  if (!existing) throw new AppError("not_found", "No such run.");
  throw new AppError("conflict", `The run has already ${existing.status === "cancelled" ? "been cancelled" : "finished"}.`);
}
