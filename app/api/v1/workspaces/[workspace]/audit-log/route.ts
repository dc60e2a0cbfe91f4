import { listAuditLog } from "@/lib/api/routes/members";
import { listResult, workspaceRoute } from "@/lib/http/workspace-route";
import { pageAuditLog } from "@/lib/services/audit/list-audit-log";

/** GET /api/v1/workspaces/:workspace/audit-log — the audit log, newest first (admins). */
export const GET = workspaceRoute({ operation: listAuditLog }, async ({ tx, workspace, query }) =>
  listResult(await pageAuditLog(tx, { workspaceId: workspace.id, query })),
);
