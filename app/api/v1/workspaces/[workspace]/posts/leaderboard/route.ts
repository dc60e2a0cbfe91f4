import { pageOfList } from "@/lib/api/cursor";
import { leaderboard } from "@/lib/api/routes/posts";
import { listResult, workspaceRoute } from "@/lib/http/workspace-route";
import { rankPostGroups } from "@/lib/services/posts/rank-post-groups";

/**
 * GET /api/v1/workspaces/:workspace/posts/leaderboard?by=va|creator|set&from=YYYY-MM-DD&to=YYYY-MM-DD —
 * one row per group: posted in the period (posts, slideshows, videos, views, medianViews,
 * engagementRate, topPost) and gained in it (viewsGained, daily), days in the workspace's timezone.
 */
export const GET = workspaceRoute({ operation: leaderboard }, async ({ tx, workspace, query: { cursor, limit, ...query } }) =>
  listResult(pageOfList(await rankPostGroups(tx, { workspace, query }), { cursor, limit }, (row) => JSON.stringify(row.key))),
);
