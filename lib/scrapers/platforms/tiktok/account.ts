import { z } from "zod";
import { countFromJson } from "../../counts";
import { ScrapeError } from "../../errors";
import type { ScraperContext } from "../../context";
import { validate } from "../../parse";
import type { AccountMetrics, MetricSource } from "../../types";
import { loadTiktokPage } from "./load-page";
import { tiktokStatusError, type TiktokPageData } from "./universal-data";

const count = z.union([z.number(), z.string()]).optional();
const statsSchema = z.object({ followerCount: count, followingCount: count, heartCount: count, heart: count, videoCount: count });
const userSchema = z.object({
  id: z.string(),
  uniqueId: z.string(),
  nickname: z.string().optional(),
  verified: z.boolean().optional(),
  privateAccount: z.boolean().optional(),
});
const userDetailSchema = z.object({
  statusCode: z.number().default(0),
  userInfo: z.object({ user: userSchema.optional(), stats: statsSchema.optional(), statsV2: statsSchema.optional() }).optional(),
});
const sigiSchema = z.object({ UserModule: z.object({ users: z.record(z.string(), userSchema), stats: z.record(z.string(), statsSchema) }) });

type Stats = z.infer<typeof statsSchema>;

// statsV2 holds the same figures as strings, which stay exact past 2^31; prefer it, fall back per field.
function pick(v2: Stats | undefined, v1: Stats | undefined, key: keyof Stats) {
  return countFromJson(v2?.[key]) ?? countFromJson(v1?.[key]);
}

function toMetrics(data: TiktokPageData, url: string, handle: string, source: MetricSource): AccountMetrics {
  let user: z.infer<typeof userSchema> | undefined;
  let stats: Stats | undefined;
  let statsV2: Stats | undefined;
  if (data.layout === "universal") {
    const detail = validate(userDetailSchema, data.scope["webapp.user-detail"] ?? {}, "webapp.user-detail");
    const problem = tiktokStatusError(detail.statusCode, url, "account");
    // A private account (10222) still shows its counts; only fail when TikTok sent none.
    if (problem && !(detail.statusCode === 10222 && detail.userInfo?.stats)) throw problem;
    ({ user, stats, statsV2 } = detail.userInfo ?? {});
  } else {
    const state = validate(sigiSchema, data.state, "SIGI_STATE");
    user = state.UserModule.users[handle] ?? Object.values(state.UserModule.users)[0];
    stats = user ? state.UserModule.stats[user.uniqueId] : undefined;
  }
  if (!user) throw new ScrapeError("parse_error", "webapp.user-detail.userInfo.user is missing", { path: "webapp.user-detail.userInfo.user", url });
  return {
    platform: "tiktok",
    handle: user.uniqueId,
    id: user.id,
    displayName: user.nickname ?? null,
    followers: pick(statsV2, stats, "followerCount"),
    following: pick(statsV2, stats, "followingCount"),
    posts: pick(statsV2, stats, "videoCount"),
    likes: pick(statsV2, stats, "heartCount") ?? pick(statsV2, stats, "heart"),
    verified: user.verified ?? null,
    private: user.privateAccount ?? null,
    source,
  };
}

export async function scrapeTiktokAccount(handle: string, ctx: ScraperContext): Promise<AccountMetrics> {
  const url = `https://www.tiktok.com/@${handle}`;
  const { data, source } = await loadTiktokPage(url, ctx, "account");
  return toMetrics(data, url, handle, source);
}
