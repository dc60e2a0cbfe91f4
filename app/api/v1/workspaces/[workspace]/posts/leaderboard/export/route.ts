import { z } from "zod";
import { EXPORT_FORMATS, exportResponse, type ExportColumn } from "@/lib/export/stream-table";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { leaderboardQuerySchema, rankPostGroups, type LeaderboardRow } from "@/lib/services/posts/rank-post-groups";

const exportQuerySchema = leaderboardQuerySchema.extend({ format: z.enum(EXPORT_FORMATS, { message: "format is csv or xlsx." }).default("csv") });

/**
 * GET /api/v1/workspaces/:workspace/posts/leaderboard/export?format=csv|xlsx&by=…&from=…&to=… — the
 * leaderboard as the page shows it, one row per group (a few hundred at most, so one read).
 */
export const GET = workspaceRoute({ role: "viewer" }, async ({ request, tx, workspace }) => {
  const { format, ...query } = exportQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
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
