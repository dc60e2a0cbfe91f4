import { endpointRoutes } from "@/lib/http/endpoint-routes";

const routes = endpointRoutes("webhook");

/** PATCH /api/v1/workspaces/:workspace/webhooks/:endpointId — edit, or turn on and off ({ enabled }); admins. */
export const PATCH = routes.update;
/** DELETE — remove the endpoint and its delivery log. */
export const DELETE = routes.remove;
