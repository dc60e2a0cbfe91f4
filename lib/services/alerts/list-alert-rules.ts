import { asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { alertRules } from "@/lib/db/schema";
import type { AlertRuleKind } from "@/lib/domain/notifications";

export interface AlertRuleView {
  id: string;
  kind: AlertRuleKind;
  name: string;
  params: Record<string, unknown>;
  endpointIds: string[];
  enabled: boolean;
  createdAt: string;
}

export const ruleColumns = {
  id: alertRules.id,
  kind: alertRules.kind,
  name: alertRules.name,
  params: alertRules.params,
  endpointIds: alertRules.endpointIds,
  enabled: alertRules.enabled,
  createdAt: alertRules.createdAt,
};

export const toRuleView = (row: { [K in keyof typeof ruleColumns]: unknown }): AlertRuleView => ({ ...(row as Omit<AlertRuleView, "createdAt">), createdAt: (row.createdAt as Date).toISOString() });

export async function listAlertRules(db: Db, input: { workspaceId: string }): Promise<AlertRuleView[]> {
  const rows = await db.select(ruleColumns).from(alertRules).where(eq(alertRules.workspaceId, input.workspaceId)).orderBy(asc(alertRules.createdAt), asc(alertRules.id));
  return rows.map(toRuleView);
}
