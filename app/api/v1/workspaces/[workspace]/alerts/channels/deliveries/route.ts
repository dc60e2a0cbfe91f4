import { endpointRoutes } from "@/lib/http/endpoint-routes";

/** GET /api/v1/workspaces/:workspace/alerts/channels/deliveries[?endpointId=] — the newest 100 deliveries; editors and admins. */
export const GET = endpointRoutes("alert").log;
