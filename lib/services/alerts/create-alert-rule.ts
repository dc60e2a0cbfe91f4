import type { Db } from "@/lib/db/client";
import { alertRules } from "@/lib/db/schema";
import { assertAlertChannels } from "./assert-alert-channels";
import { ruleColumns, toRuleView, type AlertRuleView } from "./list-alert-rules";
import type { CreateRuleInput } from "./rule-input";

export async function createAlertRule(db: Db, input: { workspaceId: string; createdBy: string | null; rule: CreateRuleInput }): Promise<AlertRuleView> {
  await assertAlertChannels(db, { workspaceId: input.workspaceId, endpointIds: input.rule.endpointIds });
  const [row] = await db
    .insert(alertRules)
    .values({ ...input.rule, endpointIds: [...new Set(input.rule.endpointIds)], workspaceId: input.workspaceId, createdBy: input.createdBy })
    .returning(ruleColumns);
  return toRuleView(row!);
}
