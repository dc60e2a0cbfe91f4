import { z } from "zod";
import { parseCount } from "../counts";
import type { ScraperContext } from "../context";
import { ScrapeError } from "../errors";
import { YOUTUBE_CHANNEL_ID, youtubeHandleFromVanity } from "../handles";
import { findNested, parseJson, validate } from "../parse";
import type { AccountMetrics } from "../types";
import { scrapeYoutubeApi } from "./youtube-api";

const MARKERS = ["var ytInitialData = ", 'window["ytInitialData"] = '];

const textSchema = z.object({ simpleText: z.string().optional(), runs: z.array(z.object({ text: z.string() })).optional() });
const initialDataSchema = z.object({
  header: z.record(z.string(), z.unknown()),
  metadata: z.object({
    channelMetadataRenderer: z.object({ title: z.string(), externalId: z.string(), vanityChannelUrl: z.string().optional() }),
  }),
});
const metadataRowsSchema = z.array(z.object({ metadataParts: z.array(z.object({ text: z.object({ content: z.string() }) })).optional() }));

/** The JSON assigned to ytInitialData in the page's inline script, in either of its two spellings. */
export function extractYtInitialData(html: string): unknown {
  for (const marker of MARKERS) {
    const start = html.indexOf(marker);
    if (start < 0) continue;
    const end = html.indexOf("</script>", start);
    const body = html.slice(start + marker.length, end < 0 ? undefined : end).trim().replace(/;$/, "");
    return parseJson(body, "ytInitialData");
  }
  throw new ScrapeError("parse_error", "the channel page has no ytInitialData", { path: "ytInitialData" });
}

const runsText = (value: z.infer<typeof textSchema> | undefined) => value?.simpleText ?? value?.runs?.map((run) => run.text).join("") ?? null;

// Older layout: header.<renderer>.subscriberCountText; newer: pageHeaderViewModel metadata rows of text parts.
function headerCounts(header: Record<string, unknown>): { subscribers: string | null; videos: string | null } {
  const legacySubs = textSchema.safeParse(findNested(header, "subscriberCountText"));
  const legacyVideos = textSchema.safeParse(findNested(header, "videosCountText"));
  if (legacySubs.success) return { subscribers: runsText(legacySubs.data), videos: legacyVideos.success ? runsText(legacyVideos.data) : null };
  const rows = metadataRowsSchema.safeParse(findNested(header, "metadataRows"));
  if (!rows.success) throw new ScrapeError("parse_error", "no subscriber count in ytInitialData.header (neither subscriberCountText nor metadataRows)", { path: "ytInitialData.header" });
  const parts = rows.data.flatMap((row) => row.metadataParts ?? []).map((part) => part.text.content);
  return { subscribers: parts.find((part) => /subscriber/i.test(part)) ?? null, videos: parts.find((part) => /\bvideos?\b/i.test(part)) ?? null };
}

// Canonical forms (handles.ts): a channel id, "c/name" or "user/name" as they are, else a bare handle.
function channelPath(handle: string): string {
  if (YOUTUBE_CHANNEL_ID.test(handle)) return `channel/${handle}`;
  return handle.startsWith("c/") || handle.startsWith("user/") ? handle : `@${handle}`;
}

async function scrapeYoutubePage(handle: string, ctx: ScraperContext): Promise<AccountMetrics> {
  const url = `https://www.youtube.com/${channelPath(handle)}`;
  // SOCS=CAI declines the EU consent wall the way yt-dlp does.
  const response = await ctx.http.get({ bucket: "youtube", url, headers: { cookie: "SOCS=CAI" }, passStatuses: [404] });
  if (response.status === 404) throw new ScrapeError("not_found", `YouTube has no channel ${handle}`, { status: 404, url });
  if (new URL(response.url).hostname.startsWith("consent.")) throw new ScrapeError("blocked", "YouTube answered with its consent wall", { url });
  const data = validate(initialDataSchema, extractYtInitialData(response.text), "ytInitialData");
  const channel = data.metadata.channelMetadataRenderer;
  const counts = headerCounts(data.header);
  const headerJson = JSON.stringify(data.header);
  return {
    platform: "youtube",
    handle: youtubeHandleFromVanity(channel.vanityChannelUrl) ?? handle,
    id: channel.externalId,
    displayName: channel.title,
    followers: counts.subscribers ? parseCount(counts.subscribers) : null,
    following: null,
    posts: counts.videos ? parseCount(counts.videos) : null,
    likes: null,
    verified: /BADGE_STYLE_TYPE_VERIFIED|CHECK_CIRCLE_FILLED/.test(headerJson),
    private: null,
    source: "html",
  };
}

/**
 * The Data API when a key is configured (and the handle is one it can look up), else the channel
 * page. With `crossCheck`, the page is read beside the API as a second reading; a page that cannot
 * be read leaves the API's figure alone.
 */
export async function scrapeYoutubeAccount(handle: string, ctx: ScraperContext): Promise<AccountMetrics> {
  const apiKey = ctx.config.credentials.youtubeApiKey;
  if (!apiKey || handle.startsWith("c/")) return scrapeYoutubePage(handle, ctx);
  const metrics = await scrapeYoutubeApi(handle, apiKey, ctx);
  if (!ctx.config.crossCheck) return metrics;
  const page = await scrapeYoutubePage(handle, ctx).catch(() => null);
  return page ? { ...metrics, crossCheck: [{ source: page.source, followers: page.followers }] } : metrics;
}
