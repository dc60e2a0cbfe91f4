import { endpointRoutes } from "@/lib/http/endpoint-routes";

/** POST /api/v1/workspaces/:workspace/alerts/channels/:endpointId/test — queue a webhook.test message (202 { deliveryId }); editors and admins. */
export const POST = endpointRoutes("alert").test;
