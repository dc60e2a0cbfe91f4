import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { jobRuns } from "@/lib/db/schema";

/** Checked before each unit of work: a cancelled, failed or interrupted run does nothing more. */
export async function isRunRunning(db: Db, runId: string): Promise<boolean> {
  const [run] = await db.select({ status: jobRuns.status }).from(jobRuns).where(eq(jobRuns.id, runId));
  return run?.status === "running";
}
