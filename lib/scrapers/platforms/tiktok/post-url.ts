import { ScrapeError } from "../../errors";

export type TiktokPostRef = { kind: "post"; user: string; id: string } | { kind: "short"; url: string };

const POST_PATH = /^\/@([\w.-]{1,30})\/(?:video|photo)\/(\d{10,25})\/?$/;
const SHORT_HOSTS = new Set(["vm.tiktok.com", "vt.tiktok.com"]);
const POST_HOSTS = new Set(["www.tiktok.com", "tiktok.com", "m.tiktok.com"]);

/** Accepts /@user/video/ID, /@user/photo/ID (any tiktok.com host) and vm./vt./t/ short links. */
export function parseTiktokPostUrl(input: string): TiktokPostRef {
  const trimmed = input.trim();
  if (trimmed.length > 2048) throw new ScrapeError("invalid_input", "the URL is longer than 2048 characters");
  const url = URL.parse(/^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  if (!url || !/^https?:$/.test(url.protocol) || /\s/.test(trimmed)) throw new ScrapeError("invalid_input", "the input is not a valid URL");
  const host = url.hostname.toLowerCase();
  if (SHORT_HOSTS.has(host) || (POST_HOSTS.has(host) && /^\/t\/\w+\/?$/.test(url.pathname))) {
    return { kind: "short", url: `https://${host}${url.pathname}` };
  }
  if (!POST_HOSTS.has(host)) throw new ScrapeError("invalid_input", `${host} is not a TikTok host`);
  const match = POST_PATH.exec(url.pathname);
  if (!match?.[1] || !match[2]) throw new ScrapeError("invalid_input", "a TikTok post URL has the form tiktok.com/@user/video/<id> or /photo/<id>");
  return { kind: "post", user: match[1], id: match[2] };
}

/** Only /video/ pages carry webapp.video-detail, so photo posts are fetched under /video/ too. */
export function canonicalPostUrl(user: string, id: string): string {
  return `https://www.tiktok.com/@${user}/video/${id}`;
}
