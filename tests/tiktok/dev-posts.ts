import { imagePrefix, type ImageFormat } from "@/tests/scrapers/fixture-images";
import type { DynamicAnswer } from "@/tests/scrapers/fixture-server";

/**
 * The TikTok post world of the fixture server: any /@user/video/<id> or /photo/<id> answers a
 * plausible post, derived from the id (stable between runs): 60% slideshows of 3 to 7 slides
 * (about 5), each slide about 300 KB of a real image type. Short links vm.tiktok.com/ZM<id>/ and
 * vt.tiktok.com/ZS<id>/ redirect to it. Some usernames behave badly, for the failure paths:
 */
export const DEV_POST_USERS = {
  /** statusCode 10216, 10222, 10204 (not found), 10231. */
  privatePost: "private.post",
  privateAccount: "private.account",
  deleted: "deleted.post",
  regionLocked: "region.locked",
  /** First page load: every slide URL is past its x-expires; later loads sign them afresh. */
  expiredLinks: "expired.links",
  /** First page load: the URLs look valid but both mirrors refuse them (403); later loads work. */
  staleLinks: "stale.links",
  /** The first mirror always refuses (403); the second answers. */
  refusedMirror: "refused.mirror",
  /** Every mirror always refuses: the slides end failed, the post scraped. */
  deadSlides: "dead.slides",
  /** The first two page loads answer 503. */
  flaky: "flaky.post",
} as const;

const TIKTOK = "www.tiktok.com";
export const DEV_CDN_HOSTS = ["p16-sign-va.tiktokcdn-us.com", "p19-sign.tiktokcdn-us.com"] as const;
const FUTURE = 4_102_444_800;
const PAST = 1_600_000_000;
const FORCED_SLIDESHOW = new Set<string>([DEV_POST_USERS.expiredLinks, DEV_POST_USERS.staleLinks, DEV_POST_USERS.refusedMirror, DEV_POST_USERS.deadSlides]);
const STATUS: Record<string, number> = {
  [DEV_POST_USERS.privatePost]: 10216,
  [DEV_POST_USERS.privateAccount]: 10222,
  [DEV_POST_USERS.deleted]: 10204,
  [DEV_POST_USERS.regionLocked]: 10231,
};

// FNV-1a: stable and spread well enough for plausible numbers.
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return value;
}

type Format = Extract<ImageFormat, "jpeg" | "png" | "webp">;

// One pseudo-random pool; each slide is a distinct window of it, so no two slides share bytes.
const POOL = (() => {
  const pool = Buffer.alloc(2 * 1024 * 1024);
  let state = 0x9e3779b9;
  for (let offset = 0; offset < pool.length; offset += 4) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    pool.writeUInt32LE(state >>> 0, offset);
  }
  return pool;
})();

export interface DevSlide {
  format: Format;
  bytes: number;
  width: number;
  height: number;
}

/** Whether a post is a slideshow and what its slides are: a pure function of the user and id. */
export function devPostShape(user: string, id: string): { slides: DevSlide[] } {
  const seed = hash(id);
  if (user === "video.only" || (!FORCED_SLIDESHOW.has(user) && user !== "slides.only" && seed % 10 >= 6)) return { slides: [] };
  const count = FORCED_SLIDESHOW.has(user) ? 2 : 3 + ((seed >>> 4) % 5);
  return {
    slides: Array.from({ length: count }, (_, index) => {
      const slideSeed = hash(`${id}/${index}`);
      const format: Format = slideSeed % 10 < 5 ? "jpeg" : slideSeed % 10 < 8 ? "webp" : "png";
      return { format, bytes: 250_000 + (slideSeed % 100_000), width: 1080, height: 1440 };
    }),
  };
}

/** The exact bytes the CDN serves for a slide (tests compare what storage holds against these). */
export function devSlideBytes(id: string, index: number, slide: DevSlide): Buffer {
  const header = imagePrefix(slide.format, slide.bytes);
  const offset = hash(`${id}#${index}`) % (POOL.length - slide.bytes);
  return Buffer.concat([header, POOL.subarray(offset, offset + slide.bytes - header.length)]);
}

function postPage(user: string, id: string, load: number): string {
  const seed = hash(id);
  const status = STATUS[user];
  if (status !== undefined) return page({ statusCode: status, itemInfo: {} });
  const { slides } = devPostShape(user, id);
  const expires = user === DEV_POST_USERS.expiredLinks && load === 1 ? PAST : FUTURE;
  const signature = user === DEV_POST_USERS.staleLinks && load === 1 ? "v1" : `v${load}`;
  const views = 1_000 + (seed % 5_000_000);
  const stats = {
    playCount: views,
    diggCount: Math.floor(views / 12),
    commentCount: Math.floor(views / 300),
    shareCount: Math.floor(views / 500),
    collectCount: Math.floor(views / 400),
  };
  const item = {
    id,
    desc: `Post ${id.slice(-4)} #reach #dev${seed % 7} @friend.${seed % 3}`,
    createTime: String(1_718_000_000 + (seed % 10_000_000)),
    video: { id, duration: slides.length > 0 ? 0 : 8 + (seed % 50) },
    author: { id: String(6_800_000_000_000_000_000n + BigInt(hash(user))), uniqueId: user, nickname: `Dev ${user}` },
    authorStats: { followerCount: 500 + (hash(user) % 2_000_000) },
    music: { id: String(7_200_000_000_000_000_000n + BigInt(seed % 1000)), title: `original sound - ${user}`, authorName: user, duration: 15 + (seed % 45) },
    challenges: [{ id: "1", title: "reach" }, { id: "2", title: `dev${seed % 7}` }],
    textExtra: [{ hashtagName: "reach" }, { hashtagName: `dev${seed % 7}` }, { hashtagName: "", userUniqueId: `friend.${seed % 3}` }],
    stats,
    statsV2: Object.fromEntries(Object.entries(stats).map(([key, value]) => [key, String(value)])),
    ...(slides.length > 0 && {
      imagePost: {
        images: slides.map((slide, index) => ({
          imageURL: { urlList: DEV_CDN_HOSTS.map((host) => `https://${host}/obj/dev/${user}/${id}/${index}.jpeg?x-expires=${expires}&x-signature=${signature}`) },
          imageWidth: slide.width,
          imageHeight: slide.height,
        })),
      },
    }),
  };
  return page({ statusCode: 0, itemInfo: { itemStruct: item } });
}

function page(videoDetail: unknown): string {
  const data = { __DEFAULT_SCOPE__: { "webapp.app-context": { language: "en", region: "US" }, "webapp.video-detail": videoDetail } };
  return `<!DOCTYPE html><html><head><title>TikTok</title></head><body><div id="app"></div><script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">${JSON.stringify(data)}</script></body></html>`;
}

const POST_PATH = /^\/@([\w.-]{1,30})\/(?:video|photo)\/(\d{10,25})\/?$/;
const SHORT_PATH = /^\/(ZM|ZS)(\d{10,25})\/?$/;
const SLIDE_PATH = /^\/obj\/dev\/([\w.-]{1,30})\/(\d{10,25})\/(\d{1,2})\.jpeg$/;

export interface DevPosts {
  respond(host: string, url: URL): DynamicAnswer | null;
  /** Post pages served (all ids, or one id). */
  pageLoads(id?: string): number;
  /** Slide images served whole (200s). */
  slideDownloads(): number;
  /** Slide requests refused (403). */
  slideRefusals(): number;
}

/** A fresh world (its own counters); plug `respond` into startFixtureServer({ dynamic }). */
export function createDevPosts(): DevPosts {
  const loads = new Map<string, number>();
  let pages = 0;
  let downloads = 0;
  let refusals = 0;
  return {
    respond(host, url): DynamicAnswer | null {
      if (host === TIKTOK) {
        const match = POST_PATH.exec(url.pathname);
        if (!match?.[1] || !match[2]) return null;
        const [user, id] = [match[1], match[2]];
        const load = (loads.get(id) ?? 0) + 1;
        loads.set(id, load);
        pages++;
        if (user === DEV_POST_USERS.flaky && load <= 2) return { status: 503, body: "Service Unavailable" };
        return { status: 200, headers: { "content-type": "text/html; charset=utf-8" }, body: postPage(user, id, load) };
      }
      if (host === "vm.tiktok.com" || host === "vt.tiktok.com") {
        const match = SHORT_PATH.exec(url.pathname);
        if (!match?.[2]) return null;
        const form = match[1] === "ZS" ? "photo" : "video";
        return { status: 301, headers: { location: `https://www.tiktok.com/@short.link/${form}/${match[2]}?_r=1` }, body: "" };
      }
      if ((DEV_CDN_HOSTS as readonly string[]).includes(host)) {
        const match = SLIDE_PATH.exec(url.pathname);
        if (!match?.[1] || !match[2] || !match[3]) return null;
        const [user, id, index] = [match[1], match[2], Number(match[3])];
        const refused =
          user === DEV_POST_USERS.deadSlides ||
          (user === DEV_POST_USERS.refusedMirror && host === DEV_CDN_HOSTS[0]) ||
          (user === DEV_POST_USERS.staleLinks && url.searchParams.get("x-signature") === "v1");
        if (refused) {
          refusals++;
          return { status: 403, headers: { "content-type": "text/plain" }, body: "Access Denied" };
        }
        const slide = devPostShape(user, id).slides[index];
        if (!slide) return { status: 404, body: "Not Found" };
        downloads++;
        // The CDN's Content-Type is always image/jpeg: the pipeline must type slides by their bytes.
        return { status: 200, headers: { "content-type": "image/jpeg" }, body: devSlideBytes(id, index, slide) };
      }
      return null;
    },
    pageLoads: (id) => (id === undefined ? pages : (loads.get(id) ?? 0)),
    slideDownloads: () => downloads,
    slideRefusals: () => refusals,
  };
}
