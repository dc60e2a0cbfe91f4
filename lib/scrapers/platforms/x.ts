import { z } from "zod";
import { countFromJson, parseCount } from "../counts";
import type { ScraperContext } from "../context";
import { ScrapeError } from "../errors";
import { isLoginUrl, parseHtml, parseJson, validate } from "../parse";
import type { AccountMetrics } from "../types";

const apiSchema = z.object({
  data: z
    .object({
      id: z.string(),
      name: z.string(),
      username: z.string(),
      verified: z.boolean().optional(),
      protected: z.boolean().optional(),
      public_metrics: z.object({
        followers_count: z.number().optional(),
        following_count: z.number().optional(),
        tweet_count: z.number().optional(),
        like_count: z.number().optional(),
      }),
    })
    .optional(),
  errors: z.array(z.object({ title: z.string().optional(), detail: z.string().optional() })).optional(),
});

async function scrapeXApi(handle: string, token: string, ctx: ScraperContext): Promise<AccountMetrics> {
  const url = `https://api.x.com/2/users/by/username/${handle}?user.fields=public_metrics,verified,protected`;
  const response = await ctx.http.get({ bucket: "x", url, kind: "json", headers: { authorization: `Bearer ${token}` }, passStatuses: [400, 401, 403, 404] });
  if (response.status === 401 || response.status === 403) throw new ScrapeError("config", `the X API refused the bearer token (HTTP ${response.status})`, { status: response.status, url });
  const body = validate(apiSchema, parseJson(response.text, "users/by/username"), "users/by/username");
  // X answers 200 with an errors array for missing and suspended users.
  if (!body.data) throw new ScrapeError("not_found", body.errors?.[0]?.detail ?? `X has no user @${handle}`, { url });
  const { data } = body;
  return {
    platform: "x",
    handle: data.username.toLowerCase(),
    id: data.id,
    displayName: data.name,
    followers: countFromJson(data.public_metrics.followers_count),
    following: countFromJson(data.public_metrics.following_count),
    posts: countFromJson(data.public_metrics.tweet_count),
    likes: countFromJson(data.public_metrics.like_count),
    verified: data.verified ?? null,
    private: data.protected ?? null,
    source: "api",
  };
}

const READY = '[data-testid="UserName"] ~ *, a[href$="/followers"], a[href$="/verified_followers"], [data-testid="emptyState"]';

// The profile renders client-side: the counts are the link texts for /following and /(verified_)followers.
async function scrapeXBrowser(handle: string, ctx: ScraperContext): Promise<AccountMetrics> {
  const url = `https://x.com/${handle}`;
  const page = await ctx.browser.render(url, { waitFor: READY });
  if (isLoginUrl(page.url) || new URL(page.url).pathname.startsWith("/i/flow/login")) throw new ScrapeError("login_required", "X asked for a login", { url });
  const dom = parseHtml(page.html);
  if (dom.querySelector('[data-testid="emptyState"]')) throw new ScrapeError("not_found", `X has no user @${handle}`, { url });
  const linkCount = (suffix: string) => {
    const link = dom.querySelectorAll("a").find((anchor) => anchor.getAttribute("href")?.toLowerCase().endsWith(suffix));
    return link ? parseCount(link.textContent) : null;
  };
  const followers = linkCount("/verified_followers") ?? linkCount("/followers");
  if (!followers) throw new ScrapeError("parse_error", "no followers link on the X profile", { path: 'a[href$="/followers"]', url });
  const name = dom.querySelector('[data-testid="UserName"] span');
  return {
    platform: "x",
    handle,
    id: null,
    displayName: name?.textContent.trim() || null,
    followers,
    following: linkCount("/following"),
    posts: null,
    likes: null,
    verified: dom.querySelector('[data-testid="icon-verified"]') !== null,
    private: dom.querySelector('[data-testid="icon-lock"]') !== null,
    source: "browser",
  };
}

/** API v2 with X_BEARER_TOKEN; else the logged-out profile page in the browser. */
export async function scrapeXAccount(handle: string, ctx: ScraperContext): Promise<AccountMetrics> {
  const token = ctx.config.credentials.xBearerToken;
  if (token) return scrapeXApi(handle, token, ctx);
  if (!ctx.config.browser.enabled) throw new ScrapeError("config", "X needs X_BEARER_TOKEN or the browser fallback");
  return scrapeXBrowser(handle, ctx);
}
