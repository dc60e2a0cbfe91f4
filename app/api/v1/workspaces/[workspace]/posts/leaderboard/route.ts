import { cachedSummary } from "@/lib/cache/process-summary-cache";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { leaderboardQuerySchema, rankPostGroups } from "@/lib/services/posts/rank-post-groups";

/**
 * GET /api/v1/workspaces/:workspace/posts/leaderboard?by=va|creator|set&from=YYYY-MM-DD&to=YYYY-MM-DD —
 * one row per group: posted in the period (posts, slideshows, videos, views, medianViews,
 * engagementRate, topPost) and gained in it (viewsGained, daily), days in the workspace's timezone.
 */
export const GET = workspaceRoute({ role: "viewer" }, async ({ request, tx, workspace }) => {
  const query = leaderboardQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  // The timezone is a setting, not data: part of the key, since changing it moves every day's bounds.
  const spec = { workspace, kind: "leaderboard", query: { ...query, timezone: workspace.timezone } } as const;
  return { data: await cachedSummary(tx, spec, () => rankPostGroups(tx, { workspace, query })) };
});
