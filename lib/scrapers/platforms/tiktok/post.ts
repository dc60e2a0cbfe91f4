import { z } from "zod";
import { countFromJson } from "../../counts";
import type { ScraperContext } from "../../context";
import { ScrapeError } from "../../errors";
import { isLoginUrl, validate } from "../../parse";
import type { PostMetrics, Slide } from "../../types";
import { urlExpiry } from "./cdn-url";
import { loadTiktokPage } from "./load-page";
import { canonicalPostUrl, parseTiktokPostUrl } from "./post-url";
import { tiktokStatusError } from "./universal-data";
import { recordSpan } from "@/lib/telemetry/with-span";

const count = z.union([z.number(), z.string()]).optional();
const statsSchema = z.object({ playCount: count, diggCount: count, commentCount: count, shareCount: count, collectCount: count });
const itemSchema = z.object({
  id: z.string(),
  desc: z.string().default(""),
  createTime: z.union([z.number(), z.string()]).optional(),
  isContentClassified: z.boolean().optional(),
  video: z.object({ duration: z.number().optional() }).optional(),
  author: z.object({ id: z.string().optional(), uniqueId: z.string(), nickname: z.string().optional() }),
  authorStats: z.object({ followerCount: count }).optional(),
  music: z.object({ id: z.string().optional(), title: z.string().optional(), authorName: z.string().optional(), duration: z.number().optional() }).optional(),
  challenges: z.array(z.object({ title: z.string() })).optional(),
  textExtra: z.array(z.object({ hashtagName: z.string().optional(), userUniqueId: z.string().optional() })).optional(),
  stats: statsSchema.optional(),
  statsV2: statsSchema.optional(),
  imagePost: z
    .object({
      images: z.array(
        z.object({
          imageURL: z.object({ urlList: z.array(z.string()).min(1) }),
          imageWidth: z.number().optional(),
          imageHeight: z.number().optional(),
        }),
      ),
    })
    .optional(),
});
const videoDetailSchema = z.object({
  statusCode: z.number().default(0),
  itemInfo: z.object({ itemStruct: itemSchema.optional() }).optional(),
});

function slidesOf(item: z.infer<typeof itemSchema>): Slide[] {
  return (item.imagePost?.images ?? []).map((image, index) => {
    const expiries = image.imageURL.urlList.map(urlExpiry).filter((date): date is Date => date !== null);
    return {
      index,
      urls: image.imageURL.urlList,
      width: image.imageWidth ?? null,
      height: image.imageHeight ?? null,
      expiresAt: expiries.length ? new Date(Math.min(...expiries.map(Number))) : null,
    };
  });
}

const unique = (values: Array<string | undefined>) => [...new Set(values.filter((value): value is string => !!value))];

function toPostMetrics(item: z.infer<typeof itemSchema>, url: string): PostMetrics {
  const stat = (key: keyof z.infer<typeof statsSchema>) => countFromJson(item.statsV2?.[key]) ?? countFromJson(item.stats?.[key]);
  const isSlideshow = (item.imagePost?.images.length ?? 0) > 0;
  const createTime = Number(item.createTime);
  const videoDuration = item.video?.duration ?? null;
  return {
    postId: item.id,
    url,
    author: {
      id: item.author.id ?? null,
      uniqueId: item.author.uniqueId,
      nickname: item.author.nickname ?? null,
      followers: countFromJson(item.authorStats?.followerCount),
    },
    caption: item.desc,
    hashtags: unique([...(item.challenges ?? []).map((challenge) => challenge.title), ...(item.textExtra ?? []).map((extra) => extra.hashtagName)]),
    mentions: unique((item.textExtra ?? []).map((extra) => extra.userUniqueId)),
    postedAt: Number.isFinite(createTime) && createTime > 0 ? new Date(createTime * 1000) : null,
    // Slideshows report a video duration of 0; their length is the music's.
    duration: isSlideshow || !videoDuration ? (item.music?.duration ?? videoDuration ?? null) : videoDuration,
    music: item.music ? { id: item.music.id ?? null, title: item.music.title ?? null, author: item.music.authorName ?? null } : null,
    views: stat("playCount"),
    likes: stat("diggCount"),
    comments: stat("commentCount"),
    shares: stat("shareCount"),
    saves: stat("collectCount"),
    isSlideshow,
    slides: slidesOf(item),
    source: "html",
  };
}

const REDIRECTS = [301, 302, 303, 307, 308];

// Short links are resolved hop by hop and stop at the first post URL, without loading that page twice.
export async function resolveTiktokShortLink(shortUrl: string, ctx: ScraperContext): Promise<{ user: string; id: string }> {
  let url = shortUrl;
  for (let hop = 0; hop < 5; hop++) {
    const response = await ctx.http.get({ bucket: "tiktok", url, passStatuses: [...REDIRECTS, 404] });
    const location = response.headers.location;
    const next = REDIRECTS.includes(response.status) && typeof location === "string" ? new URL(location, url).href : null;
    if (!next) {
      if (response.status === 404) throw new ScrapeError("not_found", "the TikTok short link leads nowhere", { url: shortUrl });
      break;
    }
    if (isLoginUrl(next)) throw new ScrapeError("login_required", "TikTok redirected the short link to its login page", { url: shortUrl });
    const resolved = URL.parse(next);
    if (resolved && /\/(video|photo)\/\d+/.test(resolved.pathname)) {
      const ref = parseTiktokPostUrl(next);
      if (ref.kind === "post") return ref;
    }
    url = next;
  }
  throw new ScrapeError("parse_error", `the short link ${shortUrl} did not lead to a post URL`, { url: shortUrl });
}

/** A TikTok post's public metrics and slides from its /video/ page (short links and /photo/ URLs accepted). */
export async function scrapeTiktokPost(input: string, ctx: ScraperContext): Promise<PostMetrics> {
  const startTime = new Date();
  try {
    const metrics = await loadTiktokPost(input, ctx);
    recordSpan("scrape.tiktok_post", { startTime, attributes: { "reach.platform": "tiktok", "reach.scrape.source": metrics.source, "reach.scrape.outcome": "ok" } });
    return metrics;
  } catch (error) {
    recordSpan("scrape.tiktok_post", { startTime, attributes: { "reach.platform": "tiktok", "reach.scrape.outcome": error instanceof ScrapeError ? error.code : "error" }, error });
    throw error;
  }
}

async function loadTiktokPost(input: string, ctx: ScraperContext): Promise<PostMetrics> {
  const ref = parseTiktokPostUrl(input);
  const { user, id } = ref.kind === "short" ? await resolveTiktokShortLink(ref.url, ctx) : ref;
  const url = canonicalPostUrl(user, id);
  const { data, source } = await loadTiktokPage(url, ctx, "post");
  if (data.layout !== "universal") throw new ScrapeError("parse_error", "the post page has no rehydration data", { path: "webapp.video-detail", url });
  const detail = validate(videoDetailSchema, data.scope["webapp.video-detail"] ?? {}, "webapp.video-detail");
  const problem = tiktokStatusError(detail.statusCode, url, "post");
  if (problem) throw problem;
  const item = detail.itemInfo?.itemStruct;
  if (!item) throw new ScrapeError("parse_error", "webapp.video-detail.itemInfo.itemStruct is missing", { path: "webapp.video-detail.itemInfo.itemStruct", url });
  if (item.isContentClassified && !item.video && !item.imagePost) throw new ScrapeError("login_required", "this TikTok post is age-restricted and needs a login", { url });
  if (item.id !== id) throw new ScrapeError("parse_error", `the page describes post ${item.id}, not ${id}`, { path: "webapp.video-detail.itemInfo.itemStruct.id", url });
  return { ...toPostMetrics(item, url), source };
}
