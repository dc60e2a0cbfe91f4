import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { deliveryEndpoints } from "@/lib/db/schema";
import type { EndpointPurpose } from "@/lib/domain/notifications";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import type { UpdateEndpointInput } from "./endpoint-input";
import { endpointColumns, toEndpointView, type EndpointView } from "./list-endpoints";

/** Edits an endpoint; turning one back on clears its failure count and the reason it was disabled. */
export async function updateEndpoint(
  db: Db,
  input: { workspaceId: string; purpose: EndpointPurpose; endpointId: string; actorId: string | null; changes: UpdateEndpointInput; now: Date },
): Promise<EndpointView> {
  const { enabled, ...rest } = input.changes;
  const [row] = await db
    .update(deliveryEndpoints)
    .set({
      ...rest,
      ...(enabled === undefined ? {} : enabled ? { enabled, consecutiveFailures: 0, disabledReason: null } : { enabled }),
      updatedAt: input.now,
    })
    .where(and(eq(deliveryEndpoints.id, input.endpointId), eq(deliveryEndpoints.workspaceId, input.workspaceId), eq(deliveryEndpoints.purpose, input.purpose)))
    .returning(endpointColumns);
  if (!row) throw new AppError("not_found");
  const endpoint = toEndpointView(row);
  await recordAudit(db, {
    workspaceId: input.workspaceId,
    actorId: input.actorId,
    action: input.purpose === "webhook" ? "webhook.updated" : "alert_channel.updated",
    entity: "delivery_endpoint",
    entityId: endpoint.id,
    details: { changed: Object.keys(input.changes).sort(), ...(enabled === undefined ? {} : { enabled }) },
  });
  return endpoint;
}
