import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { alertRules } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/** Removes a rule with its alert history and mutes. */
export async function deleteAlertRule(db: Db, input: { workspaceId: string; ruleId: string }): Promise<void> {
  const deleted = await db.delete(alertRules).where(and(eq(alertRules.id, input.ruleId), eq(alertRules.workspaceId, input.workspaceId))).returning({ id: alertRules.id });
  if (deleted.length === 0) throw new AppError("not_found");
}
