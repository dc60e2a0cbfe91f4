import { z } from "zod";
import { countFromJson, type Count } from "../counts";
import type { ScraperContext } from "../context";
import { ScrapeError } from "../errors";
import { YOUTUBE_CHANNEL_ID, youtubeHandleFromVanity } from "../handles";
import { rewriteUrl } from "../http/origin-rewrite";
import { validate } from "../parse";
import type { AccountMetrics } from "../types";

const API_ROOT = "https://youtube.googleapis.com/";

const responseSchema = z.object({
  items: z
    .array(
      z.object({
        id: z.string(),
        snippet: z.object({ title: z.string().optional(), customUrl: z.string().optional() }).optional(),
        statistics: z.object({
          subscriberCount: z.string().optional(),
          hiddenSubscriberCount: z.boolean().optional(),
          videoCount: z.string().optional(),
        }),
      }),
    )
    .optional(),
});

// YouTube publishes subscriber counts rounded to three significant figures above 1,000.
function subscribers(raw: string | undefined): Count | null {
  const count = countFromJson(raw);
  if (!count || count.value < 1000) return count;
  const granularity = 10 ** (String(count.value).length - 3);
  return { value: count.value, approximate: true, granularity };
}

function apiError(error: unknown): ScrapeError {
  const status = (error as { status?: number; response?: { status?: number } }).response?.status ?? (error as { status?: number }).status;
  const message = error instanceof Error ? error.message : String(error);
  if (status === 403 && /quota|rateLimit/i.test(message)) return new ScrapeError("rate_limited", `YouTube Data API quota: ${message}`, { status });
  if (status === 400 || status === 401 || status === 403) return new ScrapeError("config", `YouTube Data API refused the key: ${message}`, { status });
  if (status === 404) return new ScrapeError("not_found", "YouTube has no such channel", { status });
  return new ScrapeError("network", `YouTube Data API failed: ${message}`, { status }, { cause: error });
}

// Canonical handle forms (handles.ts) → the lookup channels.list understands; the API wants forHandle with its "@".
function channelSelector(handle: string) {
  if (YOUTUBE_CHANNEL_ID.test(handle)) return { id: [handle] };
  return handle.startsWith("user/") ? { forUsername: handle.slice(5) } : { forHandle: `@${handle}` };
}

/** channels.list with part=statistics by handle, channel id or legacy username; 1 quota unit per call. */
export async function scrapeYoutubeApi(handle: string, apiKey: string, ctx: ScraperContext): Promise<AccountMetrics> {
  // Loaded on first use: googleapis adds ~20 MB of RSS and only keyed YouTube scrapes need it.
  const { youtube } = await import("@googleapis/youtube");
  const client = youtube({ version: "v3", auth: apiKey, rootUrl: rewriteUrl(API_ROOT, ctx.config.originOverrides).href });
  const selector = channelSelector(handle);
  const data = await ctx.http.run("youtube", async () => {
    try {
      const response = await client.channels.list({ part: ["snippet", "statistics"], ...selector }, { timeout: ctx.config.timeoutMs, retry: false });
      return response.data;
    } catch (error) {
      throw apiError(error);
    }
  });
  const channel = validate(responseSchema, data, "channels.list").items?.[0];
  if (!channel) throw new ScrapeError("not_found", `YouTube has no channel ${handle}`);
  const stats = channel.statistics;
  return {
    platform: "youtube",
    handle: youtubeHandleFromVanity(channel.snippet?.customUrl) ?? handle,
    id: channel.id,
    displayName: channel.snippet?.title ?? null,
    followers: stats.hiddenSubscriberCount ? null : subscribers(stats.subscriberCount),
    following: null,
    posts: countFromJson(stats.videoCount),
    likes: null,
    verified: null,
    private: null,
    source: "api",
  };
}
