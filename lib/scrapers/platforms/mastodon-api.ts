import { z } from "zod";
import type { Platform } from "@/lib/domain/platforms";
import { countFromJson } from "../counts";
import type { ScraperContext } from "../context";
import { ScrapeError } from "../errors";
import { parseJson, validate } from "../parse";
import type { AccountMetrics } from "../types";

const accountSchema = z.object({
  id: z.string(),
  username: z.string(),
  acct: z.string(),
  display_name: z.string().optional(),
  locked: z.boolean().optional(),
  verified: z.boolean().optional(),
  followers_count: z.number().optional(),
  following_count: z.number().optional(),
  statuses_count: z.number().optional(),
});

/** GET /api/v1/accounts/lookup on a Mastodon-compatible server (Mastodon itself, Truth Social). */
export async function lookupMastodonAccount(platform: Platform, origin: string, user: string, handle: string, ctx: ScraperContext): Promise<AccountMetrics> {
  const url = `${origin}/api/v1/accounts/lookup?acct=${encodeURIComponent(user)}`;
  const response = await ctx.http.get({ bucket: platform, url, kind: "json", passStatuses: [401, 403, 404, 410] });
  if (response.status === 404 || response.status === 410) throw new ScrapeError("not_found", `${new URL(origin).host} has no account ${user}`, { status: response.status, url });
  if (response.status === 401 || response.status === 403) throw new ScrapeError("login_required", `${new URL(origin).host} requires a token for account lookups`, { status: response.status, url });
  return parseMastodonAccount(platform, response.text, handle);
}

/** The Mastodon Account entity → AccountMetrics; a Mastodon account has no likes total. */
export function parseMastodonAccount(platform: Platform, text: string, handle: string): AccountMetrics {
  const account = validate(accountSchema, parseJson(text, "accounts/lookup"), "accounts/lookup");
  return {
    platform,
    handle,
    id: account.id,
    displayName: account.display_name || null,
    followers: countFromJson(account.followers_count),
    following: countFromJson(account.following_count),
    posts: countFromJson(account.statuses_count),
    likes: null,
    verified: account.verified ?? null,
    private: account.locked ?? null,
    source: "api",
  };
}
