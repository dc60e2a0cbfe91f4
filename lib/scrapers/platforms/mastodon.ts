import type { ScraperContext } from "../context";
import { ScrapeError } from "../errors";
import type { AccountMetrics } from "../types";
import { lookupMastodonAccount } from "./mastodon-api";

/** Handles are user@instance; the lookup API is public since Mastodon 3.4. */
export async function scrapeMastodonAccount(handle: string, ctx: ScraperContext): Promise<AccountMetrics> {
  const [user, instance] = handle.split("@");
  if (!user || !instance) throw new ScrapeError("invalid_input", "a Mastodon handle has the form user@instance");
  return lookupMastodonAccount("mastodon", `https://${instance}`, user, handle, ctx);
}
