import { overviewSchema } from "@/lib/services/overview/get-overview";
import { defineOperation } from "../operation";
import { workspaceParams } from "./common";

export const getOverview = defineOperation({
  id: "getOverview",
  method: "GET",
  path: "/workspaces/{workspace}/overview",
  tag: "Workspaces",
  summary: "The morning page: followers across active accounts with 30 days of totals, movers, failures, today's pipeline, the week's top posts and the last runs",
  role: "viewer",
  params: workspaceParams,
  data: overviewSchema.meta({ id: "Overview" }),
  examples: {
    response: {
      data: {
        today: "2026-12-02",
        accounts: { active: 24, all: 26, stale: 2, neverScraped: 1, failing: 1 },
        followers: {
          asOf: "2026-12-02",
          total: 1284530,
          accounts: 21,
          approximate: true,
          change7d: 8420,
          change30d: 31210,
          daily: [
            { date: "2026-12-01", followers: 1282904, accounts: 21, approximate: true },
            { date: "2026-12-02", followers: 1284530, accounts: 21, approximate: true },
          ],
        },
        gainers: [{ id: "3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9", platform: "tiktok", handle: "reach.demo", displayName: "Reach Demo", followers: 412800, approximate: true, change7d: 5120 }],
        losers: [{ id: "7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918", platform: "x", handle: "reachhq", displayName: null, followers: 18240, approximate: false, change7d: -96 }],
        failingAccounts: [{ id: "0a1b2c3d-4e5f-4061-8728-394a5b6c7d8e", platform: "instagram", handle: "reach.studio", lastErrorCode: "rate_limited", lastErrorAt: "2026-12-02T06:14:09Z" }],
        posts: { all: 1840, scraped: 1792, failed: 12 },
        failingPosts: [{ id: "5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c", postId: "7441234567890199999", creator: "reach.demo", va: "Sam", lastErrorCode: "post_unavailable", lastErrorAt: "2026-12-02T05:41:37Z" }],
        pipelineToday: { newPosts: 18, viewsGained: 214300, failures: 2 },
        topPosts: [{ id: "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a", postId: "7441234567890123456", creator: "reach.demo", va: "Sam", views: 398177, viewsGained7d: 152040 }],
        runs: [
          { id: "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e", kind: "posts.pipeline", status: "succeeded", trigger: "cron", createdAt: "2026-12-02T06:00:00Z", finishedAt: "2026-12-02T06:07:42Z", progressDone: 1840, progressTotal: 1840 },
          { id: "c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f", kind: "accounts.snapshot", status: "running", trigger: "manual", createdAt: "2026-12-02T09:12:05Z", finishedAt: null, progressDone: 9, progressTotal: 24 },
        ],
      },
      meta: {},
    },
  },
});
