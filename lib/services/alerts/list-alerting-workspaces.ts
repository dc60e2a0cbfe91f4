import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { alertRules } from "@/lib/db/schema";

/** Workspaces with at least one enabled alert rule: the ones the schedule evaluates. */
export async function listAlertingWorkspaces(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ workspaceId: alertRules.workspaceId }).from(alertRules).where(eq(alertRules.enabled, true));
  return rows.map((row) => row.workspaceId).sort();
}
