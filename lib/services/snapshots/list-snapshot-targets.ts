import { asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { accounts } from "@/lib/db/schema";

/** Accounts a manual run can target, for the "Run now" picker. */
export async function listSnapshotTargets(db: Db, { workspaceId, limit = 2_000 }: { workspaceId: string; limit?: number }) {
  return db
    .select({ id: accounts.id, platform: accounts.platform, handle: accounts.handle })
    .from(accounts)
    .where(eq(accounts.workspaceId, workspaceId))
    .orderBy(asc(accounts.platform), asc(accounts.handle))
    .limit(limit);
}
