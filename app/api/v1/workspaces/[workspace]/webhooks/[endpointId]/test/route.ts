import { endpointRoutes } from "@/lib/http/endpoint-routes";

/** POST /api/v1/workspaces/:workspace/webhooks/:endpointId/test — queue a webhook.test message (202 { deliveryId }); admins. */
export const POST = endpointRoutes("webhook").test;
