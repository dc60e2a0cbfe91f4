import type { ScrapeErrorCode } from "@/lib/scrapers/errors";
import { localDate } from "@/lib/domain/local-time";
import { addDays, daysBetween } from "@/lib/domain/calendar";
import { demoUuid, type Random } from "./random";
import type { Rgb, SlideDesign } from "./slide-image";

const NICHES = {
  study: { tags: ["studytok", "studywithme", "productivity", "notion"], captions: ["my exam week setup", "how I finally stopped procrastinating", "3 apps that saved my semester", "colour-coded notes that actually work"] },
  fitness: { tags: ["gymtok", "homeworkout", "fitnesstips", "protein"], captions: ["20 minute no-equipment routine", "what I eat in a day (high protein)", "form check: hip thrusts", "beginner split that actually stuck"] },
  food: { tags: ["foodtok", "easyrecipe", "mealprep", "budgetmeals"], captions: ["5 dinners under $5", "one-pan pasta you need this week", "sunday meal prep in 40 minutes", "the best crispy rice"] },
  home: { tags: ["cleantok", "organization", "smallspace", "apartmenttherapy"], captions: ["tiny apartment, big storage", "reset my room with me", "renter-friendly upgrades", "the drawer system that changed everything"] },
  fashion: { tags: ["ootd", "thrifted", "capsulewardrobe", "styletips"], captions: ["10 outfits, 12 pieces", "thrift haul: everything under $15", "how to style wide-leg jeans", "fall capsule wardrobe"] },
  travel: { tags: ["traveltok", "hiddengems", "budgettravel", "weekendtrip"], captions: ["48 hours in Lisbon", "hidden beaches nobody talks about", "carry-on only for 2 weeks", "the cheapest way to see Japan"] },
  finance: { tags: ["moneytok", "budgeting", "savingmoney", "personalfinance"], captions: ["how I saved my first $10k", "the 50/30/20 rule, explained", "no-spend month results", "subscriptions I cancelled"] },
  beauty: { tags: ["skincare", "makeuptutorial", "glowup", "drugstorefinds"], captions: ["5-minute everyday makeup", "skincare routine for oily skin", "drugstore dupes that work", "my night routine"] },
} as const;
type Niche = keyof typeof NICHES;

const CREATOR_FIRST = ["glow", "daily", "cozy", "urban", "snack", "study", "thrift", "plant", "desk", "budget", "sunny", "midnight", "pocket", "tiny", "honest", "wander", "minimal", "lucky"] as const;
const CREATOR_SECOND = ["withjess", "bymia", "eats", "hacks", "diaries", "corner", "lab", "club", "notes", "finds", "withsam", "byleo"] as const;
const TRACKS = [
  ["Late Night Drive", "Neon Coast"], ["Paper Planes (sped up)", "Lo-Fi Lab"], ["Sunday Morning", "The Porch Lights"],
  ["Golden Static", "Mira Vale"], ["Slow Motion", "Kite Theory"], ["Coffee Break", "Bedroom Beats"],
] as const;
const FAILURES: ReadonlyArray<readonly [ScrapeErrorCode, string]> = [
  ["not_found", "TikTok answered statusCode 10204: the post is no longer available."],
  ["not_found", "TikTok answered statusCode 10221: the creator's account was not found."],
  ["private", "TikTok answered statusCode 10216: the post is private."],
  ["region_locked", "TikTok answered statusCode 10231: the post is not available in this region."],
  ["rate_limited", "TikTok rate-limited every proxy; gave up after 3 attempts."],
];

export const SLIDE_WIDTH = 180;
export const SLIDE_HEIGHT = 320;

export interface PostPlan {
  workspaceId: string;
  count: number;
  days: number;
  today: string;
  timezone: string;
  now: Date;
  vas: readonly string[];
  creatorCount: number;
  setCount: number;
}

export interface PostRow {
  id: string;
  workspace_id: string;
  post_id: string;
  url: string;
  creator: string;
  set_id: string;
  va: string;
  post_type: "slideshow" | "video";
  status: "pending" | "scraped" | "failed";
  caption: string | null;
  hashtags: string[];
  mentions: string[];
  music_id: string | null;
  music_title: string | null;
  music_author: string | null;
  duration_seconds: number | null;
  posted_at: string;
  is_slideshow: boolean | null;
  slide_count: number | null;
  author_id: string | null;
  author_unique_id: string | null;
  author_nickname: string | null;
  author_followers: number | null;
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  first_scraped_at: string | null;
  last_scraped_at: string | null;
  last_error_code: ScrapeErrorCode | null;
  last_error: string | null;
  attempts: number;
  created_at: string;
}

/** One post's daily stats as parallel arrays from `start` (the day it was posted). */
export interface StatsSeries {
  p: string;
  w: string;
  start: string;
  o: number[];
  v: number[];
  l: number[];
  c: number[];
  s: number[];
  sv: number[];
}

export interface SlidePlan {
  postRowId: string;
  workspaceId: string;
  storagePath: string;
  index: number;
  sourceUrl: string;
  downloadedAt: string;
  design: SlideDesign;
}

interface Creator {
  uniqueId: string;
  nickname: string;
  authorId: string;
  followers: number;
  niche: Niche;
  hue: number;
  vas: string[];
  sets: string[];
}

function hsl(hue: number, saturation: number, lightness: number): Rgb {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    return Math.round(255 * (lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [channel(0), channel(8), channel(4)];
}

const digits = (rng: Random, length: number) =>
  String(rng.int(1, 9)) + Array.from({ length: length - 1 }, () => rng.int(0, 9)).join("");

function makeCreators(rng: Random, plan: PostPlan): Creator[] {
  const names = rng.sample(
    CREATOR_FIRST.flatMap((first) => CREATOR_SECOND.map((second) => `${first}${second}`)),
    plan.creatorCount,
  );
  const creators = names.map((uniqueId, index): Creator => {
    const first = plan.vas[index % plan.vas.length] ?? "Unassigned";
    const second = plan.vas[(index + 3) % plan.vas.length] ?? first;
    return {
      uniqueId,
      nickname: uniqueId.replace(/(with|by)/, " $1 ").replace(/^./, (c) => c.toUpperCase()).trim(),
      authorId: digits(rng, 19),
      followers: Math.round(rng.logBetween(2_000, 2_500_000)),
      niche: rng.pick(Object.keys(NICHES) as Niche[]),
      hue: rng.int(0, 359),
      vas: rng.chance(0.4) ? [first, second] : [first],
      sets: [],
    };
  });
  for (let n = 1; n <= plan.setCount; n++) {
    creators[(n - 1) % creators.length]?.sets.push(`SET-${String(n).padStart(3, "0")}`);
  }
  return creators;
}

/** TikTok ids carry the posting second in their top 32 bits. */
function tiktokId(rng: Random, postedMs: number): string {
  return ((BigInt(Math.floor(postedMs / 1000)) << 32n) | BigInt(rng.int(0, 2 ** 32 - 1))).toString();
}

/** Posts worked by a handful of VAs, with daily stats that level off after a few days. */
export function generatePosts(rng: Random, plan: PostPlan) {
  const creators = makeCreators(rng, plan);
  const nowMs = plan.now.getTime();
  const iso = (ms: number) => new Date(Math.min(ms, nowMs)).toISOString();
  const morning = (date: string, second: number) => Date.parse(`${date}T05:00:00Z`) + second * 1000;
  const postingTimes = Array.from({ length: plan.count }, () => {
    const day = addDays(plan.today, -Math.floor(plan.days * rng.next() ** 1.2));
    // Between 14:00 and 03:00 UTC: the American working day and evening.
    return Math.min(Date.parse(`${day}T00:00:00Z`) + rng.int(14 * 3600, 27 * 3600) * 1000, nowMs - 3600_000);
  }).sort((a, b) => a - b);

  const posts: PostRow[] = [];
  const stats: StatsSeries[] = [];
  const slides: SlidePlan[] = [];
  postingTimes.forEach((postedMs) => {
    const creator = creators[rng.int(0, creators.length - 1)] as Creator;
    const niche = NICHES[creator.niche];
    const slideshow = rng.chance(0.5);
    const postId = tiktokId(rng, postedMs);
    const id = demoUuid(plan.workspaceId, "post", postId);
    const postedDate = localDate(plan.timezone, new Date(postedMs));
    const age = Math.max(0, daysBetween(postedDate, plan.today));
    const roll = rng.next();
    const status: PostRow["status"] =
      age <= 1 && roll < 0.6 ? "pending" : roll < 0.035 ? "failed" : roll < 0.07 ? "pending" : "scraped";
    const failure = rng.pick(FAILURES);
    // Some failed posts were scraped for a while before they disappeared; the rest never were.
    const scrapedDays = status === "scraped" ? age + 1 : status === "failed" && rng.chance(0.5) ? rng.int(1, age + 1) : 0;
    const second = rng.int(0, 1800);
    const slideCount = slideshow ? rng.int(3, 12) : null;
    const track = rng.pick(TRACKS);

    const series: StatsSeries = { p: id, w: plan.workspaceId, start: postedDate, o: [], v: [], l: [], c: [], s: [], sv: [] };
    const ceiling = Math.min(5e6, Math.max(200, Math.exp(Math.log(6_000) + 1.5 * rng.normal())));
    const tau = rng.between(1.5, 8);
    const [likeRate, commentRate, shareRate, saveRate] = [
      rng.between(0.03, 0.12), rng.between(0.005, 0.04), rng.between(0.01, 0.08), rng.between(slideshow ? 0.05 : 0.02, slideshow ? 0.2 : 0.08),
    ];
    for (let t = 0; t < scrapedDays; t++) {
      const views = Math.round(ceiling * (1 - Math.exp(-(t + 0.5) / tau)) * (1 + 0.0004 * t));
      const likes = Math.round(views * likeRate);
      series.o.push(t);
      series.v.push(views);
      series.l.push(likes);
      series.c.push(Math.round(likes * commentRate));
      series.s.push(Math.round(likes * shareRate));
      series.sv.push(Math.round(likes * saveRate));
    }
    const scraped = scrapedDays > 0;
    const last = series.o.length - 1;
    const firstScrapedMs = postedMs + rng.int(2, 20) * 3600_000;
    const lastScrapedMs = Math.max(firstScrapedMs, morning(addDays(postedDate, last), second));
    posts.push({
      id,
      workspace_id: plan.workspaceId,
      post_id: postId,
      url: `https://www.tiktok.com/@${creator.uniqueId}/${slideshow ? "photo" : "video"}/${postId}`,
      creator: creator.uniqueId,
      set_id: rng.pick(creator.sets.length ? creator.sets : ["SET-000"]),
      va: rng.pick(creator.vas),
      post_type: slideshow ? "slideshow" : "video",
      status,
      caption: scraped ? `${rng.pick(niche.captions)} ${slideshow ? "👉 swipe" : ""}`.trim() : null,
      hashtags: scraped ? rng.sample(niche.tags, rng.int(2, 4)) : [],
      mentions: scraped && rng.chance(0.15) ? [rng.pick(creators).uniqueId] : [],
      music_id: scraped ? digits(rng, 19) : null,
      music_title: scraped ? (slideshow ? track[0] : `original sound - ${creator.uniqueId}`) : null,
      music_author: scraped ? (slideshow ? track[1] : creator.nickname) : null,
      duration_seconds: scraped && !slideshow ? rng.int(6, 75) : null,
      posted_at: new Date(postedMs).toISOString(),
      is_slideshow: scraped ? slideshow : null,
      slide_count: scraped ? slideCount : null,
      author_id: scraped ? creator.authorId : null,
      author_unique_id: scraped ? creator.uniqueId : null,
      author_nickname: scraped ? creator.nickname : null,
      author_followers: scraped ? creator.followers : null,
      views: scraped ? (series.v[last] ?? null) : null,
      likes: scraped ? (series.l[last] ?? null) : null,
      comments: scraped ? (series.c[last] ?? null) : null,
      shares: scraped ? (series.s[last] ?? null) : null,
      saves: scraped ? (series.sv[last] ?? null) : null,
      first_scraped_at: scraped ? iso(firstScrapedMs) : null,
      last_scraped_at: scraped ? iso(lastScrapedMs) : null,
      last_error_code: status === "failed" ? failure[0] : null,
      last_error: status === "failed" ? failure[1] : null,
      attempts: status === "failed" ? 3 : scraped ? 1 : 0,
      created_at: new Date(postedMs).toISOString(),
    });
    if (scraped) stats.push(series);
    if (!scraped || !slideCount || status !== "scraped") return;
    const hue = creator.hue + rng.int(-25, 25);
    const cardAt = rng.between(0.15, 0.5);
    for (let slide = 0; slide < slideCount; slide++) {
      slides.push({
        postRowId: id,
        workspaceId: plan.workspaceId,
        storagePath: `${plan.workspaceId}/${postId}/${slide}.png`,
        index: slide,
        sourceUrl: `https://p16-sign-va.tiktokcdn.com/tos-maliva-i-photomode-us/${demoUuid(postId, slide).replaceAll("-", "")}~tplv-photomode-image.jpeg`,
        downloadedAt: iso(firstScrapedMs),
        design: {
          width: SLIDE_WIDTH,
          height: SLIDE_HEIGHT,
          top: hsl((hue + slide * 9 + 360) % 360, 0.6, 0.62),
          bottom: hsl((hue + slide * 9 + 400) % 360, 0.55, 0.3),
          cardAt: slide === 0 ? 0.35 : cardAt,
          lines: slide === 0 ? 2 : rng.int(2, 4),
          index: slide,
          count: slideCount,
        },
      });
    }
  });
  return { posts, stats, slides };
}
