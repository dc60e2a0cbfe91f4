import { endpointRoutes } from "@/lib/http/endpoint-routes";

const routes = endpointRoutes("alert");

/** GET /api/v1/workspaces/:workspace/alerts/channels — the workspace's endpoints (editors and admins). */
export const GET = routes.list;
/** POST — add one ({ kind, name, target, digest? }); a webhook's signing secret is in this answer only. */
export const POST = routes.create;
