import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { deliveryEndpoints } from "@/lib/db/schema";
import type { EndpointKind, EndpointPurpose } from "@/lib/domain/notifications";
import { AppError } from "@/lib/errors";
import { buildMessage } from "./build-message";
import { queueDeliveries } from "./queue-deliveries";

/** "Send test event": queues a `webhook.test` message to one endpoint (enabled or not, so an admin can check a fix). */
export async function sendTestEvent(db: Db, input: { workspaceId: string; purpose: EndpointPurpose; endpointId: string; now: Date }): Promise<{ deliveryId: string }> {
  const [endpoint] = await db
    .select({ kind: deliveryEndpoints.kind, enabled: deliveryEndpoints.enabled })
    .from(deliveryEndpoints)
    .where(and(eq(deliveryEndpoints.id, input.endpointId), eq(deliveryEndpoints.workspaceId, input.workspaceId), eq(deliveryEndpoints.purpose, input.purpose)));
  if (!endpoint) throw new AppError("not_found");
  if (!endpoint.enabled) throw new AppError("conflict", "This endpoint is disabled; turn it on first.");
  const payload = buildMessage(
    endpoint.kind as EndpointKind,
    { type: "webhook.test", title: "Test event from Reach", text: "If you can read this, deliveries to this endpoint work.", link: null, data: { test: true } },
    input.now,
  );
  const [queued] = await queueDeliveries(db, {
    workspaceId: input.workspaceId,
    purpose: input.purpose,
    messages: [{ endpointId: input.endpointId, eventType: "webhook.test", dedupKey: `test:${randomUUID()}`, payload }],
    now: input.now,
  });
  if (!queued) throw new AppError("conflict", "This endpoint is disabled; turn it on first.");
  return { deliveryId: queued.id };
}
