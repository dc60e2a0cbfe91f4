import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { deliveryEndpoints } from "@/lib/db/schema";
import type { EndpointPurpose } from "@/lib/domain/notifications";
import { recordAudit } from "@/lib/services/audit/record-audit";
import type { CreateEndpointInput } from "./endpoint-input";
import { endpointColumns, targetHost, toEndpointView, type EndpointView } from "./list-endpoints";
import { newWebhookSecret, sealWebhookSecret } from "./webhook-secret";

/**
 * Adds a webhook endpoint (purpose `webhook`, always kind `webhook`) or an alert channel. A
 * webhook-kind endpoint gets a new whsec_ secret, returned here once and stored sealed.
 */
export async function createEndpoint(
  db: Db,
  input: { workspaceId: string; purpose: EndpointPurpose; createdBy: string | null; endpoint: CreateEndpointInput },
): Promise<{ endpoint: EndpointView; secret: string | null }> {
  const id = randomUUID();
  const kind = input.purpose === "webhook" ? "webhook" : input.endpoint.kind;
  const secret = kind === "webhook" ? newWebhookSecret() : null;
  const [row] = await db
    .insert(deliveryEndpoints)
    .values({
      id,
      workspaceId: input.workspaceId,
      purpose: input.purpose,
      kind,
      name: input.endpoint.name,
      target: input.endpoint.target,
      events: input.purpose === "webhook" ? input.endpoint.events : [],
      digest: input.purpose === "alert" && input.endpoint.digest,
      secretSealed: secret ? sealWebhookSecret(secret, id) : null,
      createdBy: input.createdBy,
    })
    .returning(endpointColumns);
  const endpoint = toEndpointView(row!);
  await recordAudit(db, {
    workspaceId: input.workspaceId,
    actorId: input.createdBy,
    action: input.purpose === "webhook" ? "webhook.created" : "alert_channel.created",
    entity: "delivery_endpoint",
    entityId: id,
    details: { name: endpoint.name, kind, host: targetHost(kind, endpoint.target), events: endpoint.events },
  });
  return { endpoint, secret };
}
