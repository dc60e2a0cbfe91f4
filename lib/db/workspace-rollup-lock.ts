import { sql } from "drizzle-orm";
import type { Db, Tx } from "./client";
import { asServiceWithin } from "./rls";

/**
 * Holds the workspace's rollup lock (private.lock_workspace_rollups) until the transaction ends.
 * Every writer of the posts' rollups takes it first and updates the workspace's row at commit, so a
 * change to that row that rebuilds or drops the rollups must take the lock before the row.
 */
export async function lockWorkspaceRollups(db: Db | Tx, workspaceId: string): Promise<void> {
  await asServiceWithin(db, (service) => service.execute(sql`select private.lock_workspace_rollups(array[${workspaceId}]::uuid[])`));
}
