import { after, NextResponse } from "next/server";
import { z } from "zod";
import type { EndpointPurpose } from "@/lib/domain/notifications";
import { sendJobEvent } from "@/lib/jobs/dispatch-job-events";
import { jobEvent } from "@/lib/jobs/events";
import { createEndpoint } from "@/lib/services/deliveries/create-endpoint";
import { deleteEndpoint } from "@/lib/services/deliveries/delete-endpoint";
import { transportFromEnv } from "@/lib/services/deliveries/delivery-transport";
import { assertEndpointTarget, createEndpointSchema, updateEndpointSchema } from "@/lib/services/deliveries/endpoint-input";
import { listDeliveries } from "@/lib/services/deliveries/list-deliveries";
import { listEndpoints } from "@/lib/services/deliveries/list-endpoints";
import { sendTestEvent } from "@/lib/services/deliveries/send-test-event";
import { updateEndpoint } from "@/lib/services/deliveries/update-endpoint";
import { workspaceRoute } from "./workspace-route";

const endpointParams = z.object({ endpointId: z.uuid() });
const logQuery = z.object({ endpointId: z.uuid().optional() });

/**
 * The JSON routes of a workspace's delivery endpoints: outgoing webhooks (admins) under
 * /webhooks, alert channels (editors and admins) under /alerts/channels. Same services, same shapes.
 */
export function endpointRoutes(purpose: EndpointPurpose) {
  const role = purpose === "webhook" ? "admin" : "editor";
  return {
    list: workspaceRoute({ role }, async ({ tx, workspace }) => ({ data: await listEndpoints(tx, { workspaceId: workspace.id, purpose }) })),
    /** The signing secret (webhook kind) is in this answer only. */
    create: workspaceRoute(
      { role, body: createEndpointSchema, prepare: ({ body }) => assertEndpointTarget(body, transportFromEnv()) },
      async ({ tx, workspace, claims, body }) => {
        const { endpoint, secret } = await createEndpoint(tx, { workspaceId: workspace.id, purpose, createdBy: claims.sub, endpoint: body });
        return NextResponse.json({ data: { ...endpoint, secret } }, { status: 201 });
      },
    ),
    update: workspaceRoute(
      { role, params: endpointParams, body: updateEndpointSchema, prepare: ({ body }) => assertEndpointTarget(body, transportFromEnv()) },
      async ({ tx, workspace, claims, params, body }) => ({
        data: await updateEndpoint(tx, { workspaceId: workspace.id, purpose, endpointId: params.endpointId, actorId: claims.sub, changes: body, now: new Date() }),
      }),
    ),
    remove: workspaceRoute({ role, params: endpointParams }, async ({ tx, workspace, claims, params }) => {
      await deleteEndpoint(tx, { workspaceId: workspace.id, purpose, endpointId: params.endpointId, actorId: claims.sub });
    }),
    test: workspaceRoute({ role, params: endpointParams }, async ({ tx, workspace, params }) => {
      const { deliveryId } = await sendTestEvent(tx, { workspaceId: workspace.id, purpose, endpointId: params.endpointId, now: new Date() });
      // After the response, so the transaction that recorded the delivery has committed.
      after(() => sendJobEvent(jobEvent("deliveries.send", { workspaceId: workspace.id, deliveryId })));
      return NextResponse.json({ data: { deliveryId } }, { status: 202 });
    }),
    log: workspaceRoute({ role }, async ({ request, tx, workspace }) => {
      const query = logQuery.parse(Object.fromEntries(request.nextUrl.searchParams));
      return { data: await listDeliveries(tx, { workspaceId: workspace.id, purpose, endpointId: query.endpointId }) };
    }),
  };
}
