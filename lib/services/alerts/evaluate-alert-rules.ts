import { and, eq, gt, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { alertMutes, alertRules, alerts, deliveryEndpoints, workspaces } from "@/lib/db/schema";
import { isAlertRuleKind, type EndpointKind } from "@/lib/domain/notifications";
import { localDate } from "@/lib/domain/local-time";
import { logger } from "@/lib/log/logger";
import { buildMessage } from "@/lib/services/deliveries/build-message";
import { queueDeliveries, type QueuedMessage } from "@/lib/services/deliveries/queue-deliveries";
import { alertNotice, type AlertRecord } from "./alert-notice";
import { RULE_KINDS } from "./rule-kinds";

export interface EvaluateResult {
  alerts: number;
  deliveries: { id: string }[];
}

/**
 * Evaluates a workspace's enabled rules: each subject that breaks one, and is not muted, becomes an
 * alert unless that rule already alerted about it that day (a unique key, so evaluating twice alerts
 * once); each new alert is queued to the rule's channels, digest channels excepted.
 */
export async function evaluateAlertRules(db: Db, input: { workspaceId: string; now: Date; appUrl?: string }): Promise<EvaluateResult> {
  const [workspace] = await db.select({ slug: workspaces.slug, timezone: workspaces.timezone }).from(workspaces).where(eq(workspaces.id, input.workspaceId));
  if (!workspace) return { alerts: 0, deliveries: [] };
  const rules = await db.select().from(alertRules).where(and(eq(alertRules.workspaceId, input.workspaceId), eq(alertRules.enabled, true)));
  if (rules.length === 0) return { alerts: 0, deliveries: [] };
  const mutes = await db.select().from(alertMutes).where(and(eq(alertMutes.workspaceId, input.workspaceId), gt(alertMutes.until, input.now)));
  const today = localDate(workspace.timezone, input.now);
  const created: AlertRecord[] = [];
  for (const rule of rules) {
    if (!isAlertRuleKind(rule.kind)) continue;
    const kind = RULE_KINDS[rule.kind];
    const params = kind.params.safeParse(rule.params);
    if (!params.success) {
      logger.warn({ component: "alerts", ruleId: rule.id, workspaceId: input.workspaceId }, "alert rule has invalid parameters; skipped");
      continue;
    }
    const ruleMutes = mutes.filter((mute) => mute.ruleId === rule.id);
    if (ruleMutes.some((mute) => mute.subjectId === null)) continue;
    const candidates = (await kind.evaluate(db, { workspaceId: input.workspaceId, slug: workspace.slug, timezone: workspace.timezone, today, now: input.now, params: params.data })).filter(
      (candidate) => !ruleMutes.some((mute) => mute.subjectType === candidate.subjectType && mute.subjectId === candidate.subjectId),
    );
    if (candidates.length === 0) continue;
    const inserted = await db
      .insert(alerts)
      .values(candidates.map((candidate) => ({ ...candidate, workspaceId: input.workspaceId, ruleId: rule.id, ruleKind: rule.kind })))
      .onConflictDoNothing({ target: [alerts.ruleId, alerts.subjectType, alerts.subjectId, alerts.day] })
      .returning();
    created.push(...inserted.map((row) => ({ ...row, day: String(row.day) })));
  }
  if (created.length === 0) return { alerts: 0, deliveries: [] };
  const endpointIds = [...new Set(rules.flatMap((rule) => rule.endpointIds))];
  const channels = endpointIds.length
    ? await db
        .select({ id: deliveryEndpoints.id, kind: deliveryEndpoints.kind })
        .from(deliveryEndpoints)
        .where(and(inArray(deliveryEndpoints.id, endpointIds), eq(deliveryEndpoints.purpose, "alert"), eq(deliveryEndpoints.digest, false)))
    : [];
  const messages: QueuedMessage[] = [];
  for (const alert of created) {
    const rule = rules.find((candidate) => candidate.id === alert.ruleId)!;
    for (const channel of channels.filter((candidate) => rule.endpointIds.includes(candidate.id))) {
      messages.push({ endpointId: channel.id, eventType: "alert.triggered", dedupKey: `alert:${alert.id}`, payload: buildMessage(channel.kind as EndpointKind, alertNotice(alert, input.appUrl), input.now) });
    }
  }
  const deliveries = await queueDeliveries(db, { workspaceId: input.workspaceId, purpose: "alert", messages, now: input.now });
  return { alerts: created.length, deliveries };
}
