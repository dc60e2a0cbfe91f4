import { endpointRoutes } from "@/lib/http/endpoint-routes";

const routes = endpointRoutes("webhook");

/** GET /api/v1/workspaces/:workspace/webhooks — the workspace's endpoints (admins). */
export const GET = routes.list;
/** POST — add one ({ name, target, events? }); a webhook's signing secret is in this answer only. */
export const POST = routes.create;
