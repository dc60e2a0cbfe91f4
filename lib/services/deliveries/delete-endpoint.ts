import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { deliveryEndpoints } from "@/lib/db/schema";
import type { EndpointPurpose } from "@/lib/domain/notifications";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";

/** Removes an endpoint and its delivery log. */
export async function deleteEndpoint(db: Db, input: { workspaceId: string; purpose: EndpointPurpose; endpointId: string; actorId: string | null }): Promise<void> {
  const deleted = await db
    .delete(deliveryEndpoints)
    .where(and(eq(deliveryEndpoints.id, input.endpointId), eq(deliveryEndpoints.workspaceId, input.workspaceId), eq(deliveryEndpoints.purpose, input.purpose)))
    .returning({ id: deliveryEndpoints.id, name: deliveryEndpoints.name });
  if (deleted.length === 0) throw new AppError("not_found");
  await recordAudit(db, {
    workspaceId: input.workspaceId,
    actorId: input.actorId,
    action: input.purpose === "webhook" ? "webhook.deleted" : "alert_channel.deleted",
    entity: "delivery_endpoint",
    entityId: input.endpointId,
    details: { name: deleted[0]!.name },
  });
}
