import { workspaceRoute } from "@/lib/http/workspace-route";
import { listAuditLog } from "@/lib/services/audit/list-audit-log";

/** GET /api/v1/workspaces/:workspace/audit-log — the latest 200 entries (admins). */
export const GET = workspaceRoute({ role: "admin" }, async ({ tx, workspace }) => ({ data: await listAuditLog(tx, { workspaceId: workspace.id }) }));
