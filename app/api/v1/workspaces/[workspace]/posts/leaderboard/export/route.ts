import { exportLeaderboard } from "@/lib/api/routes/posts";
import { exportResponse, type ExportColumn } from "@/lib/export/stream-table";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { rankPostGroups, type LeaderboardRow } from "@/lib/services/posts/rank-post-groups";

/**
 * GET /api/v1/workspaces/:workspace/posts/leaderboard/export?format=csv|xlsx&by=…&from=…&to=… — the
 * leaderboard as the page shows it, one row per group (a few hundred at most, so one read).
 */
export const GET = workspaceRoute({ operation: exportLeaderboard }, async ({ tx, workspace, query: input }) => {
  const { format, ...query } = input;
  const rows = await rankPostGroups(tx, { workspace, query });
  const group = { va: "VA", creator: "Creator", set: "Set" }[query.by];
  const columns: ExportColumn<LeaderboardRow>[] = [
    [group, (row) => row.key ?? "(none)"],
    ["Posts (posted in period)", (row) => row.posts],
    ["Slideshows", (row) => row.slideshows],
    ["Videos", (row) => row.videos],
    ["Views (of posts posted in period)", (row) => row.views],
    ["Median views per post", (row) => row.medianViews],
    ["Views gained in period", (row) => row.viewsGained],
    ["Mean engagement rate", (row) => row.engagementRate],
    ["Top post ID", (row) => row.topPost?.postId],
    ["Top post views", (row) => row.topPost?.views],
  ];
  async function* pages() {
    yield rows;
  }
  return exportResponse({ format, columns, pages: pages(), filename: `leaderboard-${query.by}-${workspace.slug}-${query.from}-${query.to}`, sheetName: `By ${group}` });
});
