import { readFileSync } from "node:fs";
import path from "node:path";
import { FIXTURES_DIR } from "./fixture-routes";

/**
 * Development mode of the fixture server: any handle on any platform answers as a plausible normal
 * account, templated from that platform's normal fixture. The numbers derive from a hash of the
 * handle, so they are stable between runs and differ between accounts.
 */
interface Template {
  host: RegExp;
  /** Extracts the handle from the request; null when the request is not an account lookup. */
  handle(url: URL): string | null;
  file: string;
  /** The fixture's own handle, replaced by the requested one. */
  fixtureHandle: string;
  /** Fixture number (as written in the file) → replacement computed from the metrics. */
  numbers(metrics: DevMetrics): [RegExp, string][];
}

interface DevMetrics {
  followers: number;
  following: number;
  posts: number;
  likes: number;
}

const HANDLE = /^[A-Za-z0-9._-]{1,100}$/;
const grouped = new Intl.NumberFormat("en-US");
const exact = (value: string) => new RegExp(`(?<![\\d,.])${value.replace(/[.,]/g, "\\$&")}(?![\\d])`, "g");
const pathHandle = (pattern: RegExp) => (url: URL) => pattern.exec(url.pathname)?.[1] ?? null;
const queryHandle = (pathname: string, name: string) => (url: URL) => (url.pathname === pathname ? url.searchParams.get(name) : null);

const TEMPLATES: Template[] = [
  {
    host: /^www\.tiktok\.com$/,
    handle: pathHandle(/^\/@([^/]+)$/),
    file: "tiktok/profile.html",
    fixtureHandle: "reach.demo",
    numbers: (m) => [[exact("1234567"), String(m.followers)], [exact("321"), String(m.following)], [exact("210"), String(m.posts)], [exact("98765432"), String(m.likes)]],
  },
  {
    host: /^public\.api\.bsky\.app$/,
    handle: queryHandle("/xrpc/app.bsky.actor.getProfile", "actor"),
    file: "bluesky/profile.json",
    fixtureHandle: "reach.bsky.social",
    numbers: (m) => [[exact("23456"), String(m.followers)], [exact("345"), String(m.following)], [exact("1234"), String(m.posts)]],
  },
  {
    // Any instance: Mastodon handles are user@instance and the lookup is on the instance.
    host: /^(?!truthsocial\.com$)[a-z0-9.-]+$/,
    handle: queryHandle("/api/v1/accounts/lookup", "acct"),
    file: "mastodon/lookup.json",
    fixtureHandle: "reach",
    numbers: (m) => [[exact("3456"), String(m.followers)], [exact("78"), String(m.following)], [exact("910"), String(m.posts)]],
  },
  {
    host: /^truthsocial\.com$/,
    handle: queryHandle("/api/v1/accounts/lookup", "acct"),
    file: "truth_social/lookup.json",
    fixtureHandle: "reachdemo",
    numbers: (m) => [[exact("87654"), String(m.followers)], [exact("43"), String(m.following)], [exact("2100"), String(m.posts)]],
  },
  {
    host: /^www\.instagram\.com$/,
    handle: queryHandle("/api/v1/users/web_profile_info/", "username"),
    file: "instagram/web-profile-info.json",
    fixtureHandle: "reach.demo",
    numbers: (m) => [[exact("765432"), String(m.followers)], [exact("210"), String(m.following)], [exact("1543"), String(m.posts)]],
  },
  {
    host: /^www\.threads\.com$/,
    handle: pathHandle(/^\/@([^/]+)$/),
    file: "threads/profile.html",
    fixtureHandle: "reach.demo",
    numbers: (m) => [[exact("45678"), String(m.followers)]],
  },
  {
    host: /^www\.youtube\.com$/,
    handle: pathHandle(/^\/(?:@|channel\/|c\/|user\/)([^/]+)$/),
    file: "youtube/channel-legacy.html",
    fixtureHandle: "ReachDemo",
    // The page shows a rounded "1.23M subscribers": keep that shape.
    numbers: (m) => [[/1\.23(?=M| million)/g, (1 + (m.followers % 900) / 100).toFixed(2)], [exact("1,234"), grouped.format(m.posts)]],
  },
  {
    host: /^www\.linkedin\.com$/,
    handle: pathHandle(/^\/company\/([^/]+)\/$/),
    file: "linkedin/company.html",
    fixtureHandle: "reach-demo",
    numbers: (m) => [[exact("23,456"), grouped.format(m.followers)]],
  },
  {
    host: /^www\.facebook\.com$/,
    handle: pathHandle(/^\/([^/]+)$/),
    file: "facebook/page-embedded.html",
    fixtureHandle: "embeddeddemo",
    numbers: (m) => [[exact("13245"), String(m.followers)], [exact("12010"), String(m.likes)]],
  },
  {
    host: /^x\.com$/,
    handle: pathHandle(/^\/([^/]+)$/),
    file: "x/profile.html",
    fixtureHandle: "browserdemo",
    numbers: (m) => [[/12\.3(?=K)/g, (10 + (m.followers % 900) / 10).toFixed(1)], [exact("1,024"), grouped.format(m.following)]],
  },
];

// FNV-1a: small, stable, and spread well enough for plausible numbers.
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return value;
}

export function devMetrics(host: string, handle: string): DevMetrics {
  const seed = hash(`${host}/${handle.toLowerCase()}`);
  const followers = 1_000 + (seed % 2_000_000);
  return { followers, following: 10 + ((seed >>> 7) % 2_000), posts: 20 + ((seed >>> 13) % 5_000), likes: followers * (3 + ((seed >>> 3) % 20)) };
}

const cache = new Map<string, string>();

/** A normal account's answer for `host` + `url`, or null when the request is no account lookup we template. */
export function devAccountResponse(host: string, url: URL): { body: string; contentType: string } | null {
  for (const template of TEMPLATES) {
    if (!template.host.test(host)) continue;
    const handle = template.handle(url);
    if (!handle || !HANDLE.test(handle)) continue;
    let text = cache.get(template.file);
    if (text === undefined) cache.set(template.file, (text = readFileSync(path.join(FIXTURES_DIR, template.file), "utf8")));
    const metrics = devMetrics(host, handle);
    for (const [pattern, value] of template.numbers(metrics)) text = text.replace(pattern, value);
    const own = new RegExp(`(?<![A-Za-z0-9_.-])${template.fixtureHandle.replace(/[.-]/g, "\\$&")}(?![A-Za-z0-9_-])`, "g");
    text = text.replace(own, handle);
    return { body: text, contentType: template.file.endsWith(".json") ? "application/json; charset=utf-8" : "text/html; charset=utf-8" };
  }
  return null;
}
