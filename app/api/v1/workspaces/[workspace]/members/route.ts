import { pageOfList } from "@/lib/api/cursor";
import { listMembers as operation } from "@/lib/api/routes/members";
import { listResult, workspaceRoute } from "@/lib/http/workspace-route";
import { listMembers } from "@/lib/services/workspaces/list-members";

/** GET /api/v1/workspaces/:workspace/members — by role, then name. */
export const GET = workspaceRoute({ operation }, async ({ tx, workspace, query }) =>
  listResult(pageOfList(await listMembers(tx, workspace.id), query, (member) => member.userId)),
);
