import { workspaceRoute } from "@/lib/http/workspace-route";
import { leaderboardQuerySchema, rankPostGroups } from "@/lib/services/posts/rank-post-groups";

/**
 * GET /api/v1/workspaces/:workspace/posts/leaderboard?by=va|creator|set&from=YYYY-MM-DD&to=YYYY-MM-DD —
 * one row per group: posted in the period (posts, slideshows, videos, views, medianViews,
 * engagementRate, topPost) and gained in it (viewsGained, daily), days in the workspace's timezone.
 */
export const GET = workspaceRoute({ role: "viewer" }, async ({ request, tx, workspace }) => ({
  data: await rankPostGroups(tx, { workspace, query: leaderboardQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams)) }),
}));
