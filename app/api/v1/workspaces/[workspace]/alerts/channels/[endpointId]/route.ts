import { endpointRoutes } from "@/lib/http/endpoint-routes";

const routes = endpointRoutes("alert");

/** PATCH /api/v1/workspaces/:workspace/alerts/channels/:endpointId — edit, or turn on and off ({ enabled }); editors and admins. */
export const PATCH = routes.update;
/** DELETE — remove the endpoint and its delivery log. */
export const DELETE = routes.remove;
