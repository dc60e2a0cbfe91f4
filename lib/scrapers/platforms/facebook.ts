import { z } from "zod";
import { countFromJson, parseCount, type Count } from "../counts";
import type { ScraperContext } from "../context";
import { ScrapeError } from "../errors";
import { redactUrl } from "../http/http-client";
import { findNested, isLoginUrl, metaContent, parseHtml, parseJson, validate } from "../parse";
import type { AccountMetrics } from "../types";

const GRAPH_VERSION = "v23.0";

const graphSchema = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  username: z.string().optional(),
  fan_count: z.number().optional(),
  followers_count: z.number().optional(),
  verification_status: z.string().optional(),
  error: z.object({ message: z.string(), code: z.number() }).optional(),
});

// Graph API error codes: 803/100 unknown alias, 4/17/32/613 throttling, 190 bad token.
function graphError(code: number, message: string, url: string): ScrapeError {
  if (code === 803 || code === 100) return new ScrapeError("not_found", message, { url });
  if ([4, 17, 32, 613].includes(code)) return new ScrapeError("rate_limited", message, { url });
  return new ScrapeError("config", `the Graph API refused the request: ${message}`, { url });
}

async function fromGraph(handle: string, token: string, ctx: ScraperContext): Promise<AccountMetrics> {
  const fields = "id,name,username,fan_count,followers_count,verification_status";
  const url = `https://graph.facebook.com/${GRAPH_VERSION}/${handle}?fields=${fields}&access_token=${encodeURIComponent(token)}`;
  const response = await ctx.http.get({ bucket: "facebook", url, kind: "json", passStatuses: [400, 401, 403, 404] });
  const page = validate(graphSchema, parseJson(response.text, "graph page"), "graph page");
  const safeUrl = redactUrl(url);
  if (page.error) throw graphError(page.error.code, page.error.message, safeUrl);
  return {
    platform: "facebook",
    handle: page.username?.toLowerCase() ?? handle,
    id: page.id ?? null,
    displayName: page.name ?? null,
    followers: countFromJson(page.followers_count),
    following: null,
    posts: null,
    likes: countFromJson(page.fan_count),
    verified: page.verification_status ? page.verification_status !== "not_verified" : null,
    private: null,
    source: "api",
  };
}

function embeddedCounts(dom: ReturnType<typeof parseHtml>): { followers: Count | null; likes: Count | null } {
  for (const script of dom.querySelectorAll('script[type="application/json"]')) {
    const text = script.textContent;
    if (!text.includes("follower_count")) continue;
    const blob = parseJson(text, "data-sjs script");
    const followers = countFromJson(findNested(blob, "follower_count", (value) => typeof value === "number"));
    const likers = findNested(blob, "page_likers") as { global_likers_count?: unknown } | undefined;
    if (followers) return { followers, likes: countFromJson(likers?.global_likers_count) };
  }
  return { followers: null, likes: null };
}

async function fromHtml(handle: string, ctx: ScraperContext): Promise<AccountMetrics> {
  const url = `https://www.facebook.com/${handle}`;
  const response = await ctx.http.get({ bucket: "facebook", url, passStatuses: [404] });
  if (isLoginUrl(response.url)) throw new ScrapeError("login_required", "Facebook showed its login wall", { url });
  const dom = parseHtml(response.text);
  const text = dom.querySelector('[role="main"]')?.textContent ?? "";
  if (response.status === 404 || /content isn.t available/i.test(text)) throw new ScrapeError("not_found", `Facebook has no public page ${handle}`, { url });
  const embedded = embeddedCounts(dom);
  const visibleFollowers = /([\d.,]+\s?[KMB]?)\s+followers/i.exec(text)?.[1];
  const describedLikes = /([\d.,]+\s?[KMB]?)\s+likes/i.exec(metaContent(dom, "description") ?? "")?.[1];
  const followers = embedded.followers ?? (visibleFollowers ? parseCount(visibleFollowers) : null);
  if (!followers) throw new ScrapeError("parse_error", "no follower count in the page's JSON or text", { path: "follower_count | “N followers”", url });
  const followingText = /([\d.,]+\s?[KMB]?)\s+following/i.exec(text)?.[1];
  return {
    platform: "facebook",
    handle,
    id: null,
    displayName: metaContent(dom, "og:title"),
    followers,
    following: followingText ? parseCount(followingText) : null,
    posts: null,
    likes: embedded.likes ?? (describedLikes ? parseCount(describedLikes) : null),
    verified: null,
    private: null,
    source: "html",
  };
}

/** Graph API with FACEBOOK_ACCESS_TOKEN; else the page's embedded JSON; else its visible "N followers". */
export async function scrapeFacebookAccount(handle: string, ctx: ScraperContext): Promise<AccountMetrics> {
  const token = ctx.config.credentials.facebookAccessToken;
  return token ? fromGraph(handle, token, ctx) : fromHtml(handle, ctx);
}
