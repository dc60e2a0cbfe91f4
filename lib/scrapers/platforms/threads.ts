import { z } from "zod";
import { countFromJson } from "../counts";
import type { ScraperContext } from "../context";
import { ScrapeError } from "../errors";
import { findNested, isLoginUrl, parseHtml, parseJson, validate } from "../parse";
import type { AccountMetrics } from "../types";

const pageUserSchema = z.object({
  pk: z.string().optional(),
  username: z.string(),
  full_name: z.string().optional(),
  follower_count: z.number().optional(),
  is_verified: z.boolean().optional(),
  text_post_app_is_private: z.boolean().optional(),
});
const apiSchema = z.object({
  id: z.string().optional(),
  username: z.string(),
  name: z.string().optional(),
  is_verified: z.boolean().optional(),
  follower_count: z.number().optional(),
  likes_count: z.number().optional(),
});

async function fromApi(handle: string, token: string, ctx: ScraperContext): Promise<AccountMetrics> {
  const fields = "username,name,is_verified,follower_count,likes_count";
  const url = `https://graph.threads.net/v1.0/profile_lookup?username=${handle}&fields=${fields}&access_token=${encodeURIComponent(token)}`;
  const response = await ctx.http.get({ bucket: "threads", url, kind: "json", passStatuses: [400, 401, 403, 404] });
  if (response.status === 404) throw new ScrapeError("not_found", `Threads has no profile ${handle}`, { status: 404 });
  if (response.status !== 200) throw new ScrapeError("config", `the Threads API refused the lookup (HTTP ${response.status})`, { status: response.status });
  const profile = validate(apiSchema, parseJson(response.text, "profile_lookup"), "profile_lookup");
  return {
    platform: "threads",
    handle: profile.username,
    id: profile.id ?? null,
    displayName: profile.name ?? null,
    followers: countFromJson(profile.follower_count),
    following: null,
    posts: null,
    likes: countFromJson(profile.likes_count),
    verified: profile.is_verified ?? null,
    private: null,
    source: "api",
  };
}

// The profile hides in one of several data-sjs blobs, under userData.user (as Scrapfly's scraper reads it).
async function fromPage(handle: string, ctx: ScraperContext): Promise<AccountMetrics> {
  const url = `https://www.threads.com/@${handle}`;
  const response = await ctx.http.get({ bucket: "threads", url, passStatuses: [404] });
  if (isLoginUrl(response.url)) throw new ScrapeError("login_required", "Threads redirected to its login page", { url });
  if (response.status === 404) throw new ScrapeError("not_found", `Threads has no profile @${handle}`, { status: 404, url });
  const blobs = parseHtml(response.text).querySelectorAll("script[data-sjs]").map((script) => script.textContent).filter((text) => text.includes("userData"));
  const userData = blobs.map((text) => findNested(parseJson(text, "data-sjs"), "userData")).find(Boolean) as { user?: unknown } | undefined;
  if (!userData?.user) throw new ScrapeError("parse_error", "no userData.user in the page's data-sjs scripts", { path: "script[data-sjs] … userData.user", url });
  const user = validate(pageUserSchema, userData.user, "userData.user");
  return {
    platform: "threads",
    handle: user.username,
    id: user.pk ?? null,
    displayName: user.full_name || null,
    followers: countFromJson(user.follower_count),
    following: null,
    posts: null,
    likes: null,
    verified: user.is_verified ?? null,
    private: user.text_post_app_is_private ?? null,
    source: "html",
  };
}

/** The Threads profile_lookup API with THREADS_ACCESS_TOKEN, else the profile page's embedded JSON. */
export async function scrapeThreadsAccount(handle: string, ctx: ScraperContext): Promise<AccountMetrics> {
  const token = ctx.config.credentials.threadsAccessToken;
  return token ? fromApi(handle, token, ctx) : fromPage(handle, ctx);
}
