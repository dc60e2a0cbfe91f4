import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { deliveries, deliveryEndpoints } from "@/lib/db/schema";
import type { EndpointPurpose } from "@/lib/domain/notifications";
import type { DeliveryPayload } from "./delivery-transport";

export interface QueuedMessage {
  endpointId: string;
  eventType: string;
  /** Unique per endpoint: queueing the same message twice queues it once. */
  dedupKey: string;
  payload: DeliveryPayload;
}

/**
 * Records pending deliveries to enabled endpoints of the workspace, skipping those already queued
 * (same endpoint and dedup key); returns the new ones, for a deliveries.send event each.
 */
export async function queueDeliveries(db: Db, input: { workspaceId: string; purpose: EndpointPurpose; messages: QueuedMessage[]; now: Date }): Promise<{ id: string; endpointId: string }[]> {
  if (input.messages.length === 0) return [];
  const endpointIds = [...new Set(input.messages.map((message) => message.endpointId))];
  const enabled = await db
    .select({ id: deliveryEndpoints.id })
    .from(deliveryEndpoints)
    .where(and(eq(deliveryEndpoints.workspaceId, input.workspaceId), eq(deliveryEndpoints.purpose, input.purpose), eq(deliveryEndpoints.enabled, true), inArray(deliveryEndpoints.id, endpointIds)));
  const open = new Set(enabled.map((row) => row.id));
  const rows = input.messages
    .filter((message) => open.has(message.endpointId))
    .map((message) => ({ ...message, workspaceId: input.workspaceId, purpose: input.purpose, nextAttemptAt: input.now }));
  if (rows.length === 0) return [];
  return db
    .insert(deliveries)
    .values(rows)
    .onConflictDoNothing({ target: [deliveries.endpointId, deliveries.dedupKey] })
    .returning({ id: deliveries.id, endpointId: deliveries.endpointId });
}
