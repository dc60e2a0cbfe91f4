import { z } from "zod";
import { ALERT_RULE_KINDS } from "@/lib/domain/notifications";
import { RULE_KINDS } from "./rule-kinds";

const ruleFields = {
  name: z.string().trim().min(1).max(80),
  endpointIds: z.array(z.uuid()).max(20),
  enabled: z.boolean(),
};

/** A new rule: its kind's parameters are checked (and defaulted) by the kind's own schema. */
export const createRuleSchema = z
  .object({ kind: z.enum(ALERT_RULE_KINDS), name: ruleFields.name, params: z.record(z.string(), z.unknown()).default({}), endpointIds: ruleFields.endpointIds.default([]), enabled: ruleFields.enabled.default(true) })
  .transform((value, ctx) => {
    const params = RULE_KINDS[value.kind].params.safeParse(value.params);
    if (!params.success) {
      for (const issue of params.error.issues) ctx.addIssue({ code: "custom", path: ["params", ...issue.path.map(String)], message: issue.message });
      return z.NEVER;
    }
    return { ...value, params: params.data as Record<string, unknown> };
  });
export type CreateRuleInput = z.infer<typeof createRuleSchema>;

export const updateRuleSchema = z
  .object({ name: ruleFields.name, params: z.record(z.string(), z.unknown()), endpointIds: ruleFields.endpointIds, enabled: ruleFields.enabled })
  .partial()
  .refine((value) => Object.keys(value).length > 0, "nothing to change");
export type UpdateRuleInput = z.infer<typeof updateRuleSchema>;
