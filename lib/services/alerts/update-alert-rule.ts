import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { alertRules } from "@/lib/db/schema";
import { isAlertRuleKind } from "@/lib/domain/notifications";
import { AppError } from "@/lib/errors";
import { assertAlertChannels } from "./assert-alert-channels";
import { ruleColumns, toRuleView, type AlertRuleView } from "./list-alert-rules";
import type { UpdateRuleInput } from "./rule-input";
import { RULE_KINDS } from "./rule-kinds";

/** Edits a rule; new parameters are checked against the rule's kind. */
export async function updateAlertRule(db: Db, input: { workspaceId: string; ruleId: string; changes: UpdateRuleInput; now: Date }): Promise<AlertRuleView> {
  const [current] = await db.select({ kind: alertRules.kind }).from(alertRules).where(and(eq(alertRules.id, input.ruleId), eq(alertRules.workspaceId, input.workspaceId)));
  if (!current || !isAlertRuleKind(current.kind)) throw new AppError("not_found");
  const { params, endpointIds, ...rest } = input.changes;
  let parsed: Record<string, unknown> | undefined;
  if (params) {
    const result = RULE_KINDS[current.kind].params.safeParse(params);
    if (!result.success) throw new AppError("invalid_input", "These parameters do not fit the rule's kind.", { field: "params" });
    parsed = result.data as Record<string, unknown>;
  }
  if (endpointIds) await assertAlertChannels(db, { workspaceId: input.workspaceId, endpointIds });
  const [row] = await db
    .update(alertRules)
    .set({ ...rest, ...(parsed && { params: parsed }), ...(endpointIds && { endpointIds: [...new Set(endpointIds)] }), updatedAt: input.now })
    .where(and(eq(alertRules.id, input.ruleId), eq(alertRules.workspaceId, input.workspaceId)))
    .returning(ruleColumns);
  if (!row) throw new AppError("not_found");
  return toRuleView(row);
}
