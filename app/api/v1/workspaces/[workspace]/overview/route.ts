import { getOverview as operation } from "@/lib/api/routes/overview";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { getOverview } from "@/lib/services/overview/get-overview";

/**
 * GET /api/v1/workspaces/:workspace/overview — the morning page as JSON:
 * followers across active accounts with 30 days of totals, movers, failures, today's pipeline in the
 * workspace's timezone, the week's top posts and the last runs.
 */
export const GET = workspaceRoute({ operation }, async ({ tx, workspace }) => ({
  data: await getOverview(tx, { workspace, now: new Date() }),
}));
