import { and, asc, eq, lt } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { deliveries } from "@/lib/db/schema";

// Well past the longest backoff (16 min): a delivery still waiting this long lost its job.
const STALLED_AFTER_MS = 30 * 60_000;

/**
 * Pending deliveries whose next attempt is long overdue: their job was lost (the local runner
 * restarted during a backoff). The schedule sends them again; attempts already made still count.
 */
export async function listStalledDeliveries(db: Db, input: { now: Date; limit?: number }): Promise<{ id: string; workspaceId: string }[]> {
  return db
    .select({ id: deliveries.id, workspaceId: deliveries.workspaceId })
    .from(deliveries)
    .where(and(eq(deliveries.status, "pending"), lt(deliveries.nextAttemptAt, new Date(input.now.getTime() - STALLED_AFTER_MS))))
    .orderBy(asc(deliveries.nextAttemptAt))
    .limit(input.limit ?? 500);
}
