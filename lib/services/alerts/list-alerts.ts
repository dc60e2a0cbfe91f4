import { desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { alertRules, alerts } from "@/lib/db/schema";
import type { AlertRecord } from "./alert-notice";

/** An alert in the history: the stored alert without its details, with its rule's name. */
export type AlertView = Omit<AlertRecord, "details"> & { ruleName: string; createdAt: string };

/** Alert history, newest first. */
export async function listAlerts(db: Db, input: { workspaceId: string; limit?: number }): Promise<AlertView[]> {
  const rows = await db
    .select({
      id: alerts.id,
      ruleId: alerts.ruleId,
      ruleName: alertRules.name,
      ruleKind: alerts.ruleKind,
      subjectType: alerts.subjectType,
      subjectId: alerts.subjectId,
      subjectLabel: alerts.subjectLabel,
      link: alerts.link,
      day: alerts.day,
      title: alerts.title,
      message: alerts.message,
      createdAt: alerts.createdAt,
    })
    .from(alerts)
    .innerJoin(alertRules, eq(alertRules.id, alerts.ruleId))
    .where(eq(alerts.workspaceId, input.workspaceId))
    .orderBy(desc(alerts.createdAt), desc(alerts.id))
    .limit(input.limit ?? 100);
  return rows.map((row) => ({ ...row, day: String(row.day), createdAt: row.createdAt.toISOString() }));
}
