import { z } from "zod";
import { countFromJson, parseCount } from "../counts";
import type { ScraperContext } from "../context";
import { ScrapeError } from "../errors";
import { isLoginUrl, metaContent, parseHtml, parseJson, validate } from "../parse";
import type { AccountMetrics } from "../types";

// The "web" app id yt-dlp and most clients send; without it the endpoint refuses.
const IG_APP_ID = "936619743392459";

const edge = z.object({ count: z.number() }).optional();
const apiSchema = z.object({
  data: z
    .object({
      user: z
        .object({
          id: z.string(),
          username: z.string(),
          full_name: z.string().optional(),
          is_private: z.boolean().optional(),
          is_verified: z.boolean().optional(),
          edge_followed_by: edge,
          edge_follow: edge,
          edge_owner_to_timeline_media: edge,
          follower_count: z.number().optional(),
          following_count: z.number().optional(),
          media_count: z.number().optional(),
        })
        .nullable(),
    })
    .optional(),
  message: z.string().optional(),
  status: z.string().optional(),
});

const OG_COUNTS = /([\d.,]+\s?[KMB]?)\s+Followers,\s+([\d.,]+\s?[KMB]?)\s+Following,\s+([\d.,]+\s?[KMB]?)\s+Posts/i;

async function fromApi(handle: string, ctx: ScraperContext): Promise<AccountMetrics | "fallback"> {
  const url = `https://www.instagram.com/api/v1/users/web_profile_info/?username=${handle}`;
  const response = await ctx.http.get({ bucket: "instagram", url, kind: "json", headers: { "x-ig-app-id": IG_APP_ID }, passStatuses: [401, 403, 404] });
  if (isLoginUrl(response.url) || response.status === 401 || response.status === 403) return "fallback";
  if (!response.text.trimStart().startsWith("{")) return "fallback";
  const body = validate(apiSchema, parseJson(response.text, "web_profile_info"), "web_profile_info");
  if (body.status === "fail" && /wait a few minutes/i.test(body.message ?? "")) throw new ScrapeError("rate_limited", "Instagram asked to wait a few minutes", { url });
  const user = body.data?.user;
  if (response.status === 404 || !user) throw new ScrapeError("not_found", `Instagram has no user ${handle}`, { status: response.status, url });
  return {
    platform: "instagram",
    handle: user.username,
    id: user.id,
    displayName: user.full_name || null,
    // Newer responses carry plain counts; older ones the GraphQL edges (instaloader maps the same way).
    followers: countFromJson(user.edge_followed_by?.count ?? user.follower_count),
    following: countFromJson(user.edge_follow?.count ?? user.following_count),
    posts: countFromJson(user.edge_owner_to_timeline_media?.count ?? user.media_count),
    likes: null,
    verified: user.is_verified ?? null,
    private: user.is_private ?? null,
    source: "api",
  };
}

async function fromHtml(handle: string, ctx: ScraperContext): Promise<AccountMetrics> {
  const url = `https://www.instagram.com/${handle}/`;
  const response = await ctx.http.get({ bucket: "instagram", url, passStatuses: [404] });
  if (isLoginUrl(response.url)) throw new ScrapeError("login_required", "Instagram showed its login wall", { url });
  if (response.status === 404) throw new ScrapeError("not_found", `Instagram has no user ${handle}`, { status: 404, url });
  const dom = parseHtml(response.text);
  const description = metaContent(dom, "og:description");
  const match = description ? OG_COUNTS.exec(description) : null;
  if (!match?.[1] || !match[2] || !match[3]) throw new ScrapeError("parse_error", "no counts in og:description", { path: 'meta[property="og:description"]', url });
  return {
    platform: "instagram",
    handle,
    id: null,
    displayName: metaContent(dom, "og:title")?.match(/^(.*?) \(@/)?.[1] ?? null,
    followers: parseCount(match[1]),
    following: parseCount(match[2]),
    posts: parseCount(match[3]),
    likes: null,
    verified: null,
    private: null,
    source: "html",
  };
}

/** web_profile_info first; when it is walled, the profile page's og:description. */
export async function scrapeInstagramAccount(handle: string, ctx: ScraperContext): Promise<AccountMetrics> {
  const metrics = await fromApi(handle, ctx);
  return metrics === "fallback" ? fromHtml(handle, ctx) : metrics;
}
