import { after } from "next/server";
import { pageOfList } from "@/lib/api/cursor";
import { alertChannelOperations, webhookOperations } from "@/lib/api/routes/notifications";
import type { EndpointPurpose } from "@/lib/domain/notifications";
import { sendJobEvent } from "@/lib/jobs/dispatch-job-events";
import { jobEvent } from "@/lib/jobs/events";
import { createEndpoint } from "@/lib/services/deliveries/create-endpoint";
import { deleteEndpoint } from "@/lib/services/deliveries/delete-endpoint";
import { transportFromEnv } from "@/lib/services/deliveries/delivery-transport";
import { assertEndpointTarget } from "@/lib/services/deliveries/endpoint-input";
import { listDeliveries } from "@/lib/services/deliveries/list-deliveries";
import { listEndpoints } from "@/lib/services/deliveries/list-endpoints";
import { sendTestEvent } from "@/lib/services/deliveries/send-test-event";
import { updateEndpoint } from "@/lib/services/deliveries/update-endpoint";
import { listResult, workspaceRoute } from "./workspace-route";

/**
 * The JSON routes of a workspace's delivery endpoints: outgoing webhooks (admins) under
 * /webhooks, alert channels (editors and admins) under /alerts/channels. Same services, same shapes.
 */
export function endpointRoutes(purpose: EndpointPurpose) {
  const ops = purpose === "webhook" ? webhookOperations : alertChannelOperations;
  return {
    list: workspaceRoute({ operation: ops.list }, async ({ tx, workspace, query }) =>
      listResult(pageOfList(await listEndpoints(tx, { workspaceId: workspace.id, purpose }), query, (endpoint) => endpoint.id)),
    ),
    /** The signing secret (webhook kind) is in this answer only. */
    create: workspaceRoute(
      { operation: ops.create, prepare: ({ body }) => assertEndpointTarget(body, transportFromEnv()) },
      async ({ tx, workspace, actorId, body }) => {
        const { endpoint, secret } = await createEndpoint(tx, { workspaceId: workspace.id, purpose, createdBy: actorId, endpoint: body });
        return { data: { ...endpoint, secret } };
      },
    ),
    update: workspaceRoute(
      { operation: ops.update, prepare: ({ body }) => assertEndpointTarget(body, transportFromEnv()) },
      async ({ tx, workspace, actorId, params, body }) => ({
        data: await updateEndpoint(tx, { workspaceId: workspace.id, purpose, endpointId: params.endpointId, actorId, changes: body, now: new Date() }),
      }),
    ),
    remove: workspaceRoute({ operation: ops.remove }, async ({ tx, workspace, actorId, params }) => {
      await deleteEndpoint(tx, { workspaceId: workspace.id, purpose, endpointId: params.endpointId, actorId });
    }),
    test: workspaceRoute({ operation: ops.test }, async ({ tx, workspace, params }) => {
      const { deliveryId } = await sendTestEvent(tx, { workspaceId: workspace.id, purpose, endpointId: params.endpointId, now: new Date() });
      // After the response, so the transaction that recorded the delivery has committed.
      after(() => sendJobEvent(jobEvent("deliveries.send", { workspaceId: workspace.id, deliveryId })));
      return { data: { deliveryId } };
    }),
    log: workspaceRoute({ operation: ops.log }, async ({ tx, workspace, query: { endpointId, ...page } }) =>
      listResult(pageOfList(await listDeliveries(tx, { workspaceId: workspace.id, purpose, endpointId }), page, (delivery) => String(delivery.id))),
    ),
  };
}
