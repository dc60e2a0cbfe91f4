import { z } from "zod";
import { pageQuerySchema } from "../cursor";
import { defineOperation } from "../operation";
import { postDetailSchema } from "@/lib/services/posts/get-post-detail";
import { postTrendsSchema, trendsQuerySchema } from "@/lib/services/posts/get-post-trends";
import { leaderboardQuerySchema, leaderboardRowSchema } from "@/lib/services/posts/rank-post-groups";
import { postExplorerRowSchema, searchPostsQuerySchema } from "@/lib/services/posts/search-posts";
import { exportFormatQuery, withWorkspace, workspaceParams } from "./common";
import { EXPORT_MEDIA_TYPES } from "@/lib/domain/export-formats";

const postParams = withWorkspace({ postId: z.uuid() });
const postRow = {
  id: "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
  postId: "7441234567890123456",
  url: "https://www.tiktok.com/@reach.demo/video/7441234567890123456",
  creator: "reach.demo",
  va: "Sam",
  setId: "S12",
  type: "slideshow",
  status: "scraped",
  postedAt: "2026-11-30T18:02:00.000Z",
  views: 48210,
  likes: 3120,
  comments: 88,
  shares: 41,
  saves: 260,
  engagementRate: 0.0731,
  viewsGained24h: 5200,
  viewsGained7d: null,
  slideCount: 6,
  hasThumbnail: true,
  lastError: null,
  lastErrorCode: null,
  consecutiveFailures: 0,
};

export const listPosts = defineOperation({
  id: "listPosts",
  method: "GET",
  path: "/workspaces/{workspace}/posts",
  tag: "Posts",
  summary: "Tracked TikTok posts with their latest figures: filter, sort on any metric, keyset cursor",
  description: "Filters va, creator, set, type, status, from, to (posted day, workspace timezone) and q; sort and dir. Ties break on id.",
  role: "viewer",
  params: workspaceParams,
  query: searchPostsQuerySchema,
  data: postExplorerRowSchema.meta({ id: "PostRow" }),
  list: true,
  examples: { query: { sort: "views", dir: "desc", limit: "50" }, response: { data: [postRow], meta: { next_cursor: "WyI0ODIxMCIsIjVkNGMzYjJhIl0" } } },
});

export const getPost = defineOperation({
  id: "getPost",
  method: "GET",
  path: "/workspaces/{workspace}/posts/{postId}",
  tag: "Posts",
  summary: "One post with its slides, daily stats, sheet row and recent pipeline runs",
  role: "viewer",
  params: postParams,
  data: postDetailSchema.meta({ id: "PostDetail" }),
  examples: {
    response: {
      data: {
        post: {
          ...postRow,
          caption: "6 desk setups under $200 #desksetup #wfh",
          hashtags: ["desksetup", "wfh"],
          mentions: [],
          music: { id: "7301234567890000001", title: "original sound", author: "reach.demo" },
          author: { id: "6901234567890000001", uniqueId: "reach.demo", nickname: "Reach Demo", followers: 412800 },
          durationSeconds: null,
          firstScrapedAt: "2026-11-30T19:00:12.000Z",
          lastScrapedAt: "2026-12-02T06:03:51.000Z",
          lastErrorAt: null,
          attempts: 3,
        },
        sheet: {
          id: "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a",
          name: "Posts 2026",
          tab: "Posts",
          spreadsheetId: "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_exAmple",
          row: 14,
          url: "https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_exAmple/edit#gid=0&range=A14",
        },
        slides: Array.from({ length: 6 }, (_, index) => ({
          index,
          stored: true,
          url: `/api/v1/workspaces/demo/posts/${postRow.id}/slides/${index}`,
          width: 1080,
          height: 1920,
          bytes: 182_400 + index * 1_250,
          contentType: "image/jpeg",
          errorCode: null,
        })),
        stats: [
          { date: "2026-12-01", views: 43010, likes: 2870, comments: 80, shares: 37, saves: 231 },
          { date: "2026-12-02", views: 48210, likes: 3120, comments: 88, shares: 41, saves: 260 },
        ],
        runs: [{ id: "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e", status: "succeeded", createdAt: "2026-12-02T06:00:00.000Z", finishedAt: "2026-12-02T06:07:42.000Z", error: null, errors: {} }],
      },
      meta: {},
    },
  },
});

export const leaderboard = defineOperation({
  id: "postsLeaderboard",
  method: "GET",
  path: "/workspaces/{workspace}/posts/leaderboard",
  tag: "Posts",
  summary: "One row per VA, creator or set: what was posted in the period and the views it gained",
  role: "viewer",
  params: workspaceParams,
  query: leaderboardQuerySchema.extend(pageQuerySchema.shape),
  data: leaderboardRowSchema.meta({ id: "LeaderboardRow" }),
  list: true,
  examples: {
    query: { by: "va", from: "2026-11-01", to: "2026-11-30" },
    response: {
      data: [
        {
          key: "Sam",
          posts: 42,
          slideshows: 40,
          videos: 2,
          views: 1284000,
          medianViews: 18200,
          viewsGained: 310400,
          engagementRate: 0.071,
          topPost: { id: postRow.id, postId: postRow.postId, views: 398177, hasThumbnail: true },
          daily: [{ date: "2026-11-01", gained: 10250 }],
        },
      ],
      meta: { next_cursor: null },
    },
  },
});

export const exportPosts = defineOperation({
  id: "exportPosts",
  method: "GET",
  path: "/workspaces/{workspace}/posts/export",
  tag: "Posts",
  summary: "The explorer's current view as CSV or XLSX, streamed (format=csv|xlsx, the explorer's filters and sort)",
  role: "viewer",
  params: workspaceParams,
  query: searchPostsQuerySchema.omit({ cursor: true, limit: true }).extend(exportFormatQuery),
  produces: EXPORT_MEDIA_TYPES,
  examples: { query: { format: "csv", status: "failed" } },
});

export const exportPostHistory = defineOperation({
  id: "exportPostHistory",
  method: "GET",
  path: "/workspaces/{workspace}/posts/{postId}/export",
  tag: "Posts",
  summary: "One post's daily stats (views, likes, comments, shares, saves), oldest first, as CSV or XLSX, streamed",
  role: "viewer",
  params: postParams,
  query: z.object(exportFormatQuery),
  produces: EXPORT_MEDIA_TYPES,
  examples: { query: { format: "csv" } },
});

export const downloadSlides = defineOperation({
  id: "downloadSlides",
  method: "GET",
  path: "/workspaces/{workspace}/posts/{postId}/slides.zip",
  tag: "Posts",
  summary: "Every stored slide of a post, in order, as a ZIP",
  role: "viewer",
  params: postParams,
  produces: "application/zip",
  examples: {},
});

export const getSlide = defineOperation({
  id: "getSlide",
  method: "GET",
  path: "/workspaces/{workspace}/posts/{postId}/slides/{index}",
  tag: "Posts",
  summary: "One stored slide: a redirect to a signed URL, or the image itself",
  role: "viewer",
  params: withWorkspace({ postId: z.uuid(), index: z.coerce.number().int().min(0).max(99) }),
  produces: "image/*",
  examples: {},
});

export const postTrends = defineOperation({
  id: "postTrends",
  method: "GET",
  path: "/workspaces/{workspace}/posts/trends",
  tag: "Posts",
  summary: "Views gained per day by VA, creator or set, posts published per day, slideshows against videos and median views by slide count",
  description: "Days are the workspace's calendar days; a day nothing was scraped is null (a gap), never 0.",
  role: "viewer",
  params: workspaceParams,
  query: trendsQuerySchema,
  data: postTrendsSchema.meta({ id: "PostTrends" }),
  examples: {
    query: { by: "creator", from: "2026-11-28", to: "2026-11-30" },
    response: {
      data: {
        days: ["2026-11-28", "2026-11-29", "2026-11-30"],
        gained: [
          { key: "reach.demo", other: false, total: 61200, daily: [18400, null, 42800] },
          { key: null, other: false, total: 3100, daily: [1200, null, 1900] },
        ],
        published: [
          { date: "2026-11-28", slideshows: 6, videos: 1, unknown: 0 },
          { date: "2026-11-29", slideshows: 4, videos: 0, unknown: 0 },
          { date: "2026-11-30", slideshows: 5, videos: 1, unknown: 2 },
        ],
        slideshowVsVideo: { slideshow: { posts: 15, views: 512300, medianViews: 18200, viewsGained: 58900 }, video: { posts: 2, views: 20150, medianViews: 10075, viewsGained: 5400 } },
        bySlideCount: [
          { bucket: "1–3", posts: 3, medianViews: 9400 },
          { bucket: "4–6", posts: 10, medianViews: 21050 },
          { bucket: "7+", posts: 2, medianViews: null },
        ],
      },
      meta: {},
    },
  },
});

export const exportLeaderboard = defineOperation({
  id: "exportLeaderboard",
  method: "GET",
  path: "/workspaces/{workspace}/posts/leaderboard/export",
  tag: "Posts",
  summary: "The leaderboard as the page shows it, one row per group, as CSV or XLSX",
  role: "viewer",
  params: workspaceParams,
  query: leaderboardQuerySchema.extend(exportFormatQuery),
  produces: EXPORT_MEDIA_TYPES,
  examples: { query: { format: "xlsx", by: "va", from: "2026-11-01", to: "2026-11-30" } },
});
