import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { deliveries, deliveryEndpoints } from "@/lib/db/schema";
import type { DeliveryStatus, EndpointPurpose } from "@/lib/domain/notifications";

export interface DeliveryView {
  id: string;
  endpointId: string;
  endpointName: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** The delivery log: the newest deliveries to the workspace's webhook endpoints or alert channels. */
export async function listDeliveries(db: Db, input: { workspaceId: string; purpose: EndpointPurpose; endpointId?: string; limit?: number }): Promise<DeliveryView[]> {
  const rows = await db
    .select({
      id: deliveries.id,
      endpointId: deliveries.endpointId,
      endpointName: deliveryEndpoints.name,
      eventType: deliveries.eventType,
      status: deliveries.status,
      attempts: deliveries.attempts,
      responseStatus: deliveries.responseStatus,
      lastError: deliveries.lastError,
      nextAttemptAt: deliveries.nextAttemptAt,
      createdAt: deliveries.createdAt,
      deliveredAt: deliveries.deliveredAt,
    })
    .from(deliveries)
    .innerJoin(deliveryEndpoints, eq(deliveryEndpoints.id, deliveries.endpointId))
    .where(and(eq(deliveries.workspaceId, input.workspaceId), eq(deliveries.purpose, input.purpose), input.endpointId ? eq(deliveries.endpointId, input.endpointId) : undefined))
    .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
    .limit(input.limit ?? 100);
  return rows.map((row) => ({
    ...row,
    status: row.status as DeliveryStatus,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  }));
}
