import { z } from "zod";
import { countFromJson } from "../counts";
import type { ScraperContext } from "../context";
import { ScrapeError } from "../errors";
import { parseJson, validate } from "../parse";
import type { AccountMetrics } from "../types";

const profileSchema = z.object({
  did: z.string(),
  handle: z.string(),
  displayName: z.string().optional(),
  followersCount: z.number().optional(),
  followsCount: z.number().optional(),
  postsCount: z.number().optional(),
  labels: z.array(z.object({ val: z.string() })).optional(),
  verification: z.object({ verifiedStatus: z.string() }).optional(),
});
const errorSchema = z.object({ error: z.string(), message: z.string().optional() });

/** The public AppView's getProfile: no auth, exact counts; Bluesky has no account-level likes total. */
export async function scrapeBlueskyAccount(handle: string, ctx: ScraperContext): Promise<AccountMetrics> {
  const url = `https://public.api.bsky.app/xrpc/app.bsky.actor.getProfile?actor=${encodeURIComponent(handle)}`;
  const response = await ctx.http.get({ bucket: "bluesky", url, kind: "json", passStatuses: [400, 401, 404] });
  if (response.status !== 200) {
    const error = errorSchema.safeParse(parseJson(response.text, "getProfile error"));
    const message = error.success ? `${error.data.error}: ${error.data.message ?? ""}` : `HTTP ${response.status}`;
    throw new ScrapeError("not_found", `Bluesky has no active profile ${handle} (${message})`, { status: response.status, url });
  }
  const profile = validate(profileSchema, parseJson(response.text, "getProfile"), "getProfile");
  // The author asked not to be shown to logged-out viewers; AppView still reports the counts.
  const hidden = profile.labels?.some((label) => label.val === "!no-unauthenticated") ?? false;
  return {
    platform: "bluesky",
    handle: profile.handle,
    id: profile.did,
    displayName: profile.displayName || null,
    followers: countFromJson(profile.followersCount),
    following: countFromJson(profile.followsCount),
    posts: countFromJson(profile.postsCount),
    likes: null,
    verified: profile.verification ? profile.verification.verifiedStatus === "valid" : null,
    private: hidden,
    source: "api",
  };
}
