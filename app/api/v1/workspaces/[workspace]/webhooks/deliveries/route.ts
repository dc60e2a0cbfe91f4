import { endpointRoutes } from "@/lib/http/endpoint-routes";

/** GET /api/v1/workspaces/:workspace/webhooks/deliveries[?endpointId=] — the newest 100 deliveries; admins. */
export const GET = endpointRoutes("webhook").log;
