import { PLATFORMS, type Platform } from "@/lib/domain/platforms";
import { ScrapeError } from "@/lib/scrapers/errors";
import { extractHandle, HOST_PLATFORMS } from "@/lib/scrapers/handles";

/** The platform a profile URL belongs to; null for a bare handle or an unknown host (Mastodon instances are any host). */
export function inferPlatform(input: string): Platform | null {
  const text = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : /^[\w-]+(\.[\w-]+)+\//.test(text) ? `https://${text}` : null;
  const host = withScheme ? URL.parse(withScheme)?.hostname.toLowerCase() : undefined;
  if (!host) return null;
  return HOST_PLATFORMS.find(([pattern]) => pattern.test(host))?.[1] ?? null;
}

const ALIASES: Record<string, Platform> = {
  twitter: "x",
  truthsocial: "truth_social",
  truth: "truth_social",
  ig: "instagram",
  insta: "instagram",
  fb: "facebook",
  yt: "youtube",
  bsky: "bluesky",
};

/** A platform cell as people type it ("Truth Social", "Twitter", "TikTok") → the schema's name. */
export function parsePlatformName(input: string): Platform | null {
  const key = input.trim().toLowerCase().replace(/[\s_.-]+/g, "");
  if (key === "") return null;
  return ALIASES[key] ?? PLATFORMS.find((platform) => platform.replace("_", "") === key) ?? null;
}

/** The public profile page for a canonical handle (see docs/scrapers.md for the forms). */
export function profileUrlOf(platform: Platform, handle: string): string {
  switch (platform) {
    case "x":
      return `https://x.com/${handle}`;
    case "instagram":
      return `https://www.instagram.com/${handle}/`;
    case "facebook":
      return /^\d+$/.test(handle) ? `https://www.facebook.com/profile.php?id=${handle}` : `https://www.facebook.com/${handle}`;
    case "linkedin":
      return handle.startsWith("in/") ? `https://www.linkedin.com/${handle}/` : `https://www.linkedin.com/company/${handle}/`;
    case "youtube":
      if (handle.startsWith("UC")) return `https://www.youtube.com/channel/${handle}`;
      return /^(c|user)\//.test(handle) ? `https://www.youtube.com/${handle}` : `https://www.youtube.com/@${handle}`;
    case "truth_social":
      return `https://truthsocial.com/@${handle}`;
    case "tiktok":
      return `https://www.tiktok.com/@${handle}`;
    case "bluesky":
      return `https://bsky.app/profile/${handle}`;
    case "threads":
      return `https://www.threads.net/@${handle}`;
    case "mastodon": {
      const [user, instance] = handle.split("@");
      return `https://${instance}/@${user}`;
    }
  }
}

export type AccountIdentity = { ok: true; platform: Platform; handle: string; profileUrl: string } | { ok: false; reason: string };

/** Platform cell + handle-or-URL cell → the canonical (platform, handle), or the reason it cannot be one. */
export function resolveAccountIdentity(platformText: string, handleText: string): AccountIdentity {
  if (handleText.trim() === "") return { ok: false, reason: "the handle is empty" };
  let platform: Platform | null;
  if (platformText.trim() === "") {
    platform = inferPlatform(handleText);
    if (!platform) return { ok: false, reason: "the platform is blank and cannot be inferred from the handle: give a platform or a profile URL" };
  } else {
    platform = parsePlatformName(platformText);
    if (!platform) return { ok: false, reason: `unknown platform "${platformText.trim().slice(0, 40)}" (expected one of ${PLATFORMS.join(", ")})` };
  }
  try {
    const handle = extractHandle(platform, handleText);
    return { ok: true, platform, handle, profileUrl: profileUrlOf(platform, handle) };
  } catch (error) {
    if (error instanceof ScrapeError) return { ok: false, reason: error.message };
    throw error;
  }
}
