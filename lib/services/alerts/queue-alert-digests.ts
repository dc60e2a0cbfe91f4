import { and, arrayContains, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { alertRules, alerts, deliveryEndpoints, workspaces } from "@/lib/db/schema";
import { addDays } from "@/lib/domain/calendar";
import { localDate } from "@/lib/domain/local-time";
import type { EndpointKind } from "@/lib/domain/notifications";
import { buildMessage } from "@/lib/services/deliveries/build-message";
import { queueDeliveries, type QueuedMessage } from "@/lib/services/deliveries/queue-deliveries";
import { digestNotice } from "./alert-notice";

/**
 * For each digest channel: one message with the alerts of the workspace's previous local day from
 * the rules that notify it. Keyed `digest:<day>`, so the hourly schedule sends it once.
 */
export async function queueAlertDigests(db: Db, input: { workspaceId: string; now: Date; appUrl?: string }): Promise<{ id: string }[]> {
  const [workspace] = await db.select({ timezone: workspaces.timezone }).from(workspaces).where(eq(workspaces.id, input.workspaceId));
  if (!workspace) return [];
  const channels = await db
    .select({ id: deliveryEndpoints.id, kind: deliveryEndpoints.kind })
    .from(deliveryEndpoints)
    .where(and(eq(deliveryEndpoints.workspaceId, input.workspaceId), eq(deliveryEndpoints.purpose, "alert"), eq(deliveryEndpoints.digest, true), eq(deliveryEndpoints.enabled, true)));
  const day = addDays(localDate(workspace.timezone, input.now), -1);
  const messages: QueuedMessage[] = [];
  for (const channel of channels) {
    const rules = await db.select({ id: alertRules.id }).from(alertRules).where(and(eq(alertRules.workspaceId, input.workspaceId), arrayContains(alertRules.endpointIds, [channel.id])));
    if (rules.length === 0) continue;
    const rows = await db
      .select()
      .from(alerts)
      .where(and(eq(alerts.workspaceId, input.workspaceId), eq(alerts.day, day), inArray(alerts.ruleId, rules.map((rule) => rule.id))))
      .orderBy(asc(alerts.createdAt));
    if (rows.length === 0) continue;
    const notice = digestNotice(day, rows.map((row) => ({ ...row, day: String(row.day) })), input.appUrl);
    messages.push({ endpointId: channel.id, eventType: "alert.digest", dedupKey: `digest:${day}`, payload: buildMessage(channel.kind as EndpointKind, notice, input.now) });
  }
  return queueDeliveries(db, { workspaceId: input.workspaceId, purpose: "alert", messages, now: input.now });
}
