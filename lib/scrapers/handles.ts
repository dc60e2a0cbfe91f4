import { assertPublicHostname, BlockedDestinationError } from "@/lib/net/ssrf-guard";
import { ScrapeError } from "./errors";
import type { Platform } from "@/lib/domain/platforms";

const MAX_INPUT = 300;

/** Hosts that name their platform; Mastodon is absent because an instance can be any host. */
export const HOST_PLATFORMS: Array<[RegExp, Platform]> = [
  [/(^|\.)tiktok\.com$/, "tiktok"],
  [/(^|\.)(youtube\.com|youtu\.be)$/, "youtube"],
  [/(^|\.)(twitter\.com|x\.com)$/, "x"],
  [/(^|\.)instagram\.com$/, "instagram"],
  [/(^|\.)(facebook\.com|fb\.com)$/, "facebook"],
  [/(^|\.)linkedin\.com$/, "linkedin"],
  [/(^|\.)truthsocial\.com$/, "truth_social"],
  [/(^|\.)bsky\.app$/, "bluesky"],
  [/(^|\.)threads\.(net|com)$/, "threads"],
];

const X_RESERVED = new Set(["home", "i", "search", "explore", "intent", "share", "settings", "messages", "notifications"]);
const INSTAGRAM_RESERVED = new Set(["p", "reel", "reels", "explore", "stories", "accounts", "tv"]);
// Today new usernames need 5+ characters, but older pages keep short ones such as facebook.com/CDC.
const FACEBOOK_PAGE_NAME = /^[a-z0-9][a-z0-9.-]{1,49}$/;
const FACEBOOK_RESERVED = new Set(["groups", "watch", "events", "marketplace", "login", "share", "sharer.php", "photo.php"]);

function invalid(reason: string): never {
  throw new ScrapeError("invalid_input", reason);
}

function check(handle: string | undefined, pattern: RegExp, what: string): string {
  if (!handle) invalid(`no ${what} found in the input`);
  const decoded = safeDecode(handle);
  if (!pattern.test(decoded)) invalid(`"${decoded.slice(0, 60)}" is not a valid ${what}`);
  return decoded;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return invalid("the input has malformed percent-encoding");
  }
}

function parseUrl(input: string): URL | null {
  const looksLikeUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(input) || /^(www\.|m\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\//i.test(input);
  if (!looksLikeUrl) return null;
  const url = URL.parse(/^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : `https://${input}`);
  if (!url || !/^https?:$/.test(url.protocol)) invalid("the input is not a valid http(s) URL");
  return url;
}

function pathSegments(url: URL): string[] {
  return url.pathname.split("/").filter(Boolean);
}

/**
 * Turns a handle, @handle or any profile URL into the platform's canonical handle.
 * Throws ScrapeError("invalid_input") with a reason when the input cannot be one.
 */
export function extractHandle(platform: Platform, rawInput: string): string {
  const input = rawInput.trim();
  if (input.length === 0) invalid("the input is empty");
  if (input.length > MAX_INPUT) invalid(`the input is longer than ${MAX_INPUT} characters`);
  const url = parseUrl(input);
  if (!url && /\s/.test(input)) invalid("a handle cannot contain spaces");
  if (url) {
    const host = url.hostname.toLowerCase();
    const owner = HOST_PLATFORMS.find(([pattern]) => pattern.test(host))?.[1];
    if (owner && owner !== platform) invalid(`this is a ${owner} URL, not a ${platform} one`);
    if (!owner && platform !== "mastodon") invalid(`${host} is not a ${platform} host`);
  }
  return EXTRACTORS[platform](input, url);
}

type Extractor = (input: string, url: URL | null) => string;

/** A Mastodon instance is any host a user types: never an IP literal, localhost or a local-only name. */
function publicInstance(host: string): string {
  try {
    assertPublicHostname(host);
  } catch (error) {
    if (error instanceof BlockedDestinationError) invalid(`"${host}" is not a public Mastodon instance: ${error.message}`);
    throw error;
  }
  return host;
}

const USERNAME_30 = /^[a-z0-9._]{1,30}$/;
const LINKEDIN_COMPANY = /^[a-z0-9\-_&.]{2,100}$/;
const LINKEDIN_PERSON = /^[\p{L}\p{N}\-_]{2,100}$/u;
const YOUTUBE_HANDLE = /^[\p{L}\p{N}._-]{3,30}$/u;
export const YOUTUBE_CHANNEL_ID = /^UC[\w-]{22}$/;

/** The canonical handle behind a channel's vanity URL or API customUrl ("…/@Name", "@Name"); null for legacy names. */
export function youtubeHandleFromVanity(vanity: string | undefined): string | null {
  return vanity?.match(/(?:^|\/)@([^/?]+)/)?.[1]?.toLowerCase() ?? null;
}

const legacyYoutubeName = (kind: string, name: string | undefined) => `${kind}/${check(name, /^[\p{L}\p{N}._-]{1,100}$/u, "YouTube channel name")}`;

const EXTRACTORS: Record<Platform, Extractor> = {
  tiktok(input, url) {
    const first = url ? pathSegments(url)[0] : input;
    if (url && !first?.startsWith("@")) invalid("a TikTok profile URL has the form tiktok.com/@user");
    return check(first?.replace(/^@/, "").toLowerCase(), /^[a-z0-9._]{2,24}$/, "TikTok username");
  },
  instagram(input, url) {
    const first = url ? pathSegments(url)[0] : input.replace(/^@/, "");
    if (first && INSTAGRAM_RESERVED.has(first.toLowerCase())) invalid("this Instagram URL is not a profile");
    return check(first?.toLowerCase(), USERNAME_30, "Instagram username");
  },
  threads(input, url) {
    const first = url ? pathSegments(url)[0] : input;
    if (url && !first?.startsWith("@")) invalid("a Threads profile URL has the form threads.com/@user");
    return check(first?.replace(/^@/, "").toLowerCase(), USERNAME_30, "Threads username");
  },
  x(input, url) {
    const first = url ? pathSegments(url)[0] : input.replace(/^@/, "");
    if (first && X_RESERVED.has(first.toLowerCase())) invalid("this X URL is not a profile");
    return check(first?.toLowerCase(), /^[a-z0-9_]{1,15}$/, "X username");
  },
  truth_social(input, url) {
    const first = url ? pathSegments(url)[0] : input;
    if (url && !first?.startsWith("@")) invalid("a Truth Social profile URL has the form truthsocial.com/@user");
    return check(first?.replace(/^@/, "").toLowerCase(), /^[a-z0-9_]{1,30}$/, "Truth Social username");
  },
  facebook(input, url) {
    if (!url) return check(input.replace(/^@/, "").toLowerCase(), FACEBOOK_PAGE_NAME, "Facebook page name");
    const segments = pathSegments(url);
    if (segments[0] === "profile.php") return check(url.searchParams.get("id") ?? undefined, /^\d{5,20}$/, "Facebook profile id");
    if (segments[0] === "pages") return check(segments.at(-1), /^\d{5,20}$/, "Facebook page id");
    if (segments[0] === "people") return check(segments[2], /^\d{5,20}$/, "Facebook profile id");
    if (segments[0] && FACEBOOK_RESERVED.has(segments[0])) invalid("this Facebook URL is not a page");
    return check(segments[0]?.toLowerCase(), FACEBOOK_PAGE_NAME, "Facebook page name");
  },
  linkedin(input, url) {
    if (!url) {
      if (input.startsWith("in/")) return `in/${check(input.slice(3).toLowerCase(), LINKEDIN_PERSON, "LinkedIn profile")}`;
      return check(input.replace(/^company\//, "").toLowerCase(), LINKEDIN_COMPANY, "LinkedIn company");
    }
    const [kind, slug] = pathSegments(url);
    if (kind === "company" || kind === "school" || kind === "showcase") return check(slug?.toLowerCase(), LINKEDIN_COMPANY, "LinkedIn company");
    if (kind === "in") return `in/${check(slug?.toLowerCase(), LINKEDIN_PERSON, "LinkedIn profile")}`;
    return invalid("a LinkedIn URL has the form linkedin.com/company/<name> or /in/<name>");
  },
  // Canonical forms: "handle" (no @, lowercase), "UC…" channel ids (case-sensitive), "c/name" and "user/name"
  // (legacy URLs the client must rebuild). A lowercase handle never starts with "UC" nor contains "/".
  youtube(input, url) {
    if (!url) {
      if (YOUTUBE_CHANNEL_ID.test(input)) return input;
      const legacy = /^(c|user)\/(.*)$/.exec(input);
      if (legacy?.[1]) return legacyYoutubeName(legacy[1], legacy[2]);
      return check(input.replace(/^@/, "").toLowerCase(), YOUTUBE_HANDLE, "YouTube handle");
    }
    const [first, second] = pathSegments(url);
    if (first?.startsWith("@")) return check(first.slice(1).toLowerCase(), YOUTUBE_HANDLE, "YouTube handle");
    if (first === "channel") return check(second, YOUTUBE_CHANNEL_ID, "YouTube channel id");
    if (first === "c" || first === "user") return legacyYoutubeName(first, second);
    return invalid("a YouTube channel URL has the form youtube.com/@handle, /channel/UC…, /c/name or /user/name");
  },
  bluesky(input, url) {
    const raw = url ? (pathSegments(url)[0] === "profile" ? pathSegments(url)[1] : undefined) : input.replace(/^@/, "");
    if (url && !raw) invalid("a Bluesky profile URL has the form bsky.app/profile/<handle>");
    if (raw?.startsWith("did:")) return check(raw, /^did:(plc|web):[a-zA-Z0-9._:%-]{3,200}$/, "Bluesky DID");
    const handle = raw && !raw.includes(".") ? `${raw}.bsky.social` : raw;
    return check(handle?.toLowerCase(), /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}$/, "Bluesky handle");
  },
  mastodon(input, url) {
    if (url) {
      const segments = pathSegments(url);
      const user = segments[0]?.startsWith("@") ? segments[0].slice(1) : segments[0] === "users" ? segments[1] : undefined;
      if (!user) invalid("a Mastodon profile URL has the form https://instance/@user");
      return `${check(user.toLowerCase(), /^[a-z0-9_.-]{1,30}$/, "Mastodon username")}@${publicInstance(url.hostname.toLowerCase())}`;
    }
    const match = /^@?([^@]+)@([^@]+)$/.exec(input);
    if (!match?.[1] || !match[2]) invalid("a Mastodon handle has the form user@instance");
    const host = URL.parse(`https://${match[2]}`)?.hostname;
    if (host) publicInstance(host);
    if (!host || !host.includes(".") || host !== match[2].toLowerCase()) invalid(`"${match[2]}" is not an instance host`);
    return `${check(match[1].toLowerCase(), /^[a-z0-9_.-]{1,30}$/, "Mastodon username")}@${host}`;
  },
};
