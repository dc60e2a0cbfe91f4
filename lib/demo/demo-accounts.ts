import { PLATFORMS, type Platform } from "@/lib/domain/platforms";
import type { ScrapeErrorCode } from "@/lib/scrapers/errors";
import { addDays } from "@/lib/domain/calendar";
import { demoUuid, type Random } from "./random";

type Source = "api" | "html" | "browser";
type Rounding = "sig3" | "display";

interface PlatformProfile {
  /** How likely an organization is to have an account there. */
  presence: number;
  followers: [number, number];
  /** null: the platform does not report this metric, so it is stored as null, never 0. */
  following: [number, number] | null;
  postsPerDay: [number, number] | null;
  likesPerFollower: [number, number] | null;
  sources: readonly Source[];
  /** sig3: the API rounds (YouTube); display: some pages show "12.3K" instead of the exact count. */
  rounding: Rounding | null;
  trending: boolean;
}

const PROFILES: Record<Platform, PlatformProfile> = {
  x: { presence: 0.8, followers: [300, 2e6], following: [50, 3000], postsPerDay: [0.5, 12], likesPerFollower: null, sources: ["html", "browser"], rounding: "display", trending: false },
  instagram: { presence: 0.85, followers: [400, 3e6], following: [20, 1500], postsPerDay: [0.2, 3], likesPerFollower: null, sources: ["html"], rounding: "display", trending: false },
  facebook: { presence: 0.8, followers: [500, 4e6], following: null, postsPerDay: null, likesPerFollower: [0.85, 0.98], sources: ["html", "browser"], rounding: "display", trending: false },
  linkedin: { presence: 0.55, followers: [200, 6e5], following: null, postsPerDay: null, likesPerFollower: null, sources: ["browser"], rounding: null, trending: false },
  youtube: { presence: 0.45, followers: [80, 4e6], following: null, postsPerDay: [0.02, 1], likesPerFollower: null, sources: ["api"], rounding: "sig3", trending: false },
  truth_social: { presence: 0.12, followers: [50, 3e5], following: [5, 400], postsPerDay: [0.2, 6], likesPerFollower: null, sources: ["api"], rounding: null, trending: false },
  tiktok: { presence: 0.4, followers: [150, 5e6], following: [5, 600], postsPerDay: [0.1, 2], likesPerFollower: [6, 40], sources: ["html"], rounding: null, trending: true },
  bluesky: { presence: 0.45, followers: [60, 2e5], following: [20, 2000], postsPerDay: [0.3, 8], likesPerFollower: null, sources: ["api"], rounding: null, trending: true },
  threads: { presence: 0.4, followers: [100, 1.5e6], following: [10, 800], postsPerDay: null, likesPerFollower: null, sources: ["html"], rounding: "display", trending: true },
  mastodon: { presence: 0.2, followers: [30, 6e4], following: [20, 1500], postsPerDay: [0.2, 5], likesPerFollower: null, sources: ["api"], rounding: null, trending: false },
};

const ORG_PREFIXES = [
  "Harbor City", "Northwind", "Bluestone", "Riverside", "Lakeshore", "Pinecrest", "Meridian", "Keystone", "Evergreen",
  "Granite State", "Beacon", "Redwood", "Atlas", "Horizon", "Silverline", "Brightwater", "Oakridge", "Crescent", "Summit",
  "Cedar Valley", "Ironbridge", "Westfield", "Maple Grove", "Sunset Coast", "Greenline", "Clearwater", "Fairhaven",
  "Stonegate", "Copperfield", "Ashford", "Juniper", "Kingsbridge", "Highland", "Bayview", "Elm Street",
] as const;

const ORG_TYPES = [
  ["City Council", "government"], ["Transit Authority", "government"], ["Public Library", "government"], ["Health Department", "government"],
  ["Wildlife Trust", "nonprofit"], ["Food Bank", "nonprofit"], ["Arts Council", "nonprofit"], ["Housing Coalition", "nonprofit"], ["Foundation", "nonprofit"],
  ["Daily News", "media"], ["Public Radio", "media"], ["Media Group", "media"],
  ["Energy Co-op", "business"], ["Health Partners", "business"], ["Outfitters", "business"], ["Coffee Roasters", "business"], ["Credit Union", "business"],
  ["Strategies", "agency"], ["Creative", "agency"], ["Public Affairs", "agency"], ["Digital", "agency"],
  ["University", "education"], ["Community College", "education"],
] as const;

const MASTODON_INSTANCES = ["mastodon.social", "mstdn.social", "mas.to", "hachyderm.io", "mastodon.online", "journa.host"] as const;

const FAILURES: Record<Platform, ScrapeErrorCode> = {
  x: "rate_limited",
  instagram: "login_required",
  facebook: "blocked",
  linkedin: "blocked",
  youtube: "not_found",
  truth_social: "network",
  tiktok: "private",
  bluesky: "not_found",
  threads: "login_required",
  mastodon: "network",
};

export interface AccountRow {
  id: string;
  workspace_id: string;
  platform: Platform;
  handle: string;
  display_name: string;
  profile_url: string;
  organization: string;
  tags: string[];
  is_core: boolean;
  active: boolean;
  health_status: "unknown" | "healthy" | "failing";
  last_error_code: ScrapeErrorCode | null;
  last_error_at: string | null;
  last_success_at: string | null;
  consecutive_failures: number;
  created_at: string;
}

/** One account's daily history as parallel arrays; `o` holds day offsets from `start` (gaps are absent). */
export interface SnapshotSeries {
  a: string;
  w: string;
  start: string;
  src: Source;
  o: number[];
  f: number[];
  g: Array<number | null> | null;
  p: Array<number | null> | null;
  l: number[] | null;
  x: boolean[] | null;
  gr: Array<number | null> | null;
}

export interface AccountPlan {
  workspaceId: string;
  count: number;
  days: number;
  today: string;
  now: Date;
  coreCount: number;
  failingCount: number;
}

const words = (name: string) => name.toLowerCase().replace(/[^a-z0-9 ]/g, "").split(/\s+/).filter(Boolean);

/** Canonical handles: no @, lowercase (every platform here ignores case), in each platform's own shape. */
function handleFor(platform: Platform, name: string, category: string, rng: Random): string {
  const parts = words(name);
  const compact = parts.join("");
  const initials = parts.slice(1).map((part) => part[0]).join("");
  const short = `${parts[0] ?? "org"}${initials}`;
  switch (platform) {
    case "x":
      return (compact.length <= 15 ? compact : short).slice(0, 15);
    case "instagram":
    case "threads":
      return rng.pick([compact, parts.join("."), parts.join("_")]).slice(0, 30);
    case "facebook":
    case "youtube":
    case "truth_social":
      return compact.slice(0, 30);
    case "linkedin":
      return parts.join("-");
    case "tiktok":
      return rng.pick([compact, parts.join("_"), `${short}official`]).slice(0, 24);
    case "bluesky": {
      const tld = category === "government" ? "gov" : category === "business" ? "com" : "org";
      return rng.chance(0.4) ? `${compact}.${tld}` : `${compact.length <= 20 ? compact : short}.bsky.social`;
    }
    case "mastodon":
      return `${short}@${category === "media" ? "journa.host" : rng.pick(MASTODON_INSTANCES)}`;
  }
}

function profileUrl(platform: Platform, handle: string): string {
  switch (platform) {
    case "x": return `https://x.com/${handle}`;
    case "instagram": return `https://www.instagram.com/${handle}/`;
    case "facebook": return `https://www.facebook.com/${handle}`;
    case "linkedin": return `https://www.linkedin.com/company/${handle}/`;
    case "youtube": return `https://www.youtube.com/@${handle}`;
    case "truth_social": return `https://truthsocial.com/@${handle}`;
    case "tiktok": return `https://www.tiktok.com/@${handle}`;
    case "bluesky": return `https://bsky.app/profile/${handle}`;
    case "threads": return `https://www.threads.net/@${handle}`;
    case "mastodon": {
      const [user, instance] = handle.split("@");
      return `https://${instance}/@${user}`;
    }
  }
}

/** What the platform shows: YouTube keeps 3 significant digits, pages show "12.3K" and "1.2M". */
function rounded(value: number, rounding: Rounding): { value: number; granularity: number | null } {
  const step =
    rounding === "sig3"
      ? value < 1000 ? 1 : 10 ** (Math.floor(Math.log10(value)) - 2)
      : value < 1e4 ? 1 : value < 1e5 ? 100 : value < 1e6 ? 1000 : 1e5;
  return step === 1 ? { value, granularity: null } : { value: Math.round(value / step) * step, granularity: step };
}

type Shape = (t: number) => number;

function growthShape(rng: Random, trending: boolean): Shape {
  const roll = rng.next();
  if (roll < (trending ? 0.45 : 0.15)) {
    const rate = rng.between(0.2, trending ? 1.6 : 0.8) / 365;
    return (t) => Math.exp(rate * t);
  }
  if (roll < 0.6) {
    const rate = rng.between(0.03, 0.5) / 365;
    return (t) => 1 + rate * t;
  }
  if (roll < 0.72) {
    const [gain, tau] = [rng.between(0.2, 1.2), rng.between(60, 300)];
    return (t) => 1 + gain * (1 - Math.exp(-t / tau));
  }
  if (roll < 0.87) {
    const rate = rng.between(0.02, 0.2) / 365;
    return (t) => Math.max(0.3, 1 - rate * t);
  }
  // A post that went viral: a jump that settles over a few days on top of slow growth.
  const [rate, at, jump] = [rng.between(0.02, 0.2) / 365, rng.int(30, 500), rng.between(0.1, 1)];
  return (t) => 1 + rate * t + (t >= at ? jump * (1 - Math.exp(-(t - at) / 4)) : 0);
}

function chooseOrganization(rng: Random, taken: Set<string>) {
  if (taken.size >= ORG_PREFIXES.length * ORG_TYPES.length) throw new Error("Out of demo organization names");
  for (;;) {
    const [type, category] = rng.pick(ORG_TYPES);
    const name = `${rng.pick(ORG_PREFIXES)} ${type}`;
    if (!taken.has(name)) {
      taken.add(name);
      return { name, category };
    }
  }
}

function choosePlatforms(rng: Random, required: Platform): Platform[] {
  const chosen = PLATFORMS.filter((platform) => platform === required || rng.chance(PROFILES[platform].presence * 0.7));
  return chosen.length >= 2 ? chosen : [...new Set([required, rng.pick(PLATFORMS)])];
}

/** Accounts of fictional organizations, each with a plausible daily history ending today. */
export function generateAccounts(rng: Random, plan: AccountPlan): { accounts: AccountRow[]; series: SnapshotSeries[] } {
  const firstDay = addDays(plan.today, -(plan.days - 1));
  const at = (date: string, second: number) => {
    // Scrapes run shortly after midnight in the workspace's timezone; never later than "now".
    const time = Date.parse(`${date}T05:00:00Z`) + second * 1000;
    return new Date(Math.min(time, plan.now.getTime())).toISOString();
  };
  const organizations = new Set<string>();
  const handles = new Set<string>();
  const accounts: AccountRow[] = [];
  const series: SnapshotSeries[] = [];
  let core = 0;
  const failingEvery = plan.failingCount > 0 ? Math.max(2, Math.floor(plan.count / plan.failingCount)) : Infinity;

  for (let index = 0; accounts.length < plan.count; index++) {
    const org = chooseOrganization(rng, organizations);
    const isClient = core < plan.coreCount;
    const relation = isClient ? "client" : rng.pick(["competitor", "partner", "watchlist", "watchlist"]);
    const tags = [org.category, rng.chance(0.3) ? "national" : "regional", relation];
    if (rng.chance(0.15)) tags.push("campaign-2026");
    const platforms = choosePlatforms(rng, PLATFORMS[index % PLATFORMS.length] ?? "x");
    const sharedInstagram = handleFor("instagram", org.name, org.category, rng);

    for (const platform of platforms.slice(0, plan.count - accounts.length)) {
      const profile = PROFILES[platform];
      // Threads accounts carry the Instagram username, as on the real platforms.
      let handle = platform === "threads" || platform === "instagram" ? sharedInstagram : handleFor(platform, org.name, org.category, rng);
      while (handles.has(`${platform}:${handle}`)) {
        handle = platform === "mastodon" ? handle.replace("@", `${rng.int(2, 99)}@`) : `${handle}${rng.int(2, 99)}`;
      }
      handles.add(`${platform}:${handle}`);
      if (isClient) core++;

      const id = demoUuid(plan.workspaceId, "account", platform, handle);
      const fullHistory = rng.chance(0.8);
      const startIndex = fullHistory ? 0 : rng.int(30, Math.max(31, plan.days - 45));
      const role = rng.next();
      // A few accounts are failing now, a few were paused, a couple were added today.
      const failing = (accounts.length + 1) % failingEvery === 0;
      const paused = !failing && role < 0.012;
      const justAdded = !failing && !paused && role > 0.993;
      const failures = failing ? rng.int(1, 14) : 0;
      const endIndex = plan.days - 1 - failures - (paused ? rng.int(30, 120) : 0);
      const start = addDays(firstDay, justAdded ? plan.days - 1 : startIndex);
      const second = rng.int(0, 1800);

      const shape = growthShape(rng, profile.trending);
      const base = rng.logBetween(...profile.followers) * (fullHistory ? 1 : 0.7);
      const rounding = profile.rounding === "sig3" || (profile.rounding === "display" && rng.chance(0.3)) ? profile.rounding : null;
      const followingRate = profile.following ? rng.between(0.01, 0.08) : 0;
      const postsRate = profile.postsPerDay ? rng.between(...profile.postsPerDay) : 0;
      const likesRatio = profile.likesPerFollower ? rng.between(...profile.likesPerFollower) : 0;
      const flaky = profile.sources[0] !== "api";
      const outageAt = rng.chance(0.15) ? rng.int(0, plan.days) : -1;
      const outageLength = rng.int(2, 7);
      let following = profile.following ? Math.round(rng.logBetween(...profile.following)) : 0;
      let posts = profile.postsPerDay ? Math.round(postsRate * rng.between(200, 3000)) : 0;
      let noise = 0;
      const s: SnapshotSeries = {
        a: id,
        w: plan.workspaceId,
        start,
        src: rng.pick(profile.sources),
        o: [],
        f: [],
        g: profile.following ? [] : null,
        p: profile.postsPerDay ? [] : null,
        l: profile.likesPerFollower ? [] : null,
        x: rounding ? [] : null,
        gr: rounding ? [] : null,
      };
      const last = justAdded ? -1 : endIndex - startIndex;
      for (let t = 0; t <= last; t++) {
        noise = 0.9 * noise + 0.0015 * rng.normal();
        if (profile.following && rng.chance(followingRate)) following = Math.max(0, following + rng.int(-1, 3));
        posts += Math.floor(postsRate + rng.next());
        const day = startIndex + t;
        // Gaps never touch the last week (the 7-day change needs it) nor a series' final day.
        const gapAllowed = day < plan.days - 8 && t < last;
        const inOutage = outageAt >= 0 && day >= outageAt && day < outageAt + outageLength;
        if (gapAllowed && (inOutage || rng.chance(0.004))) continue;
        const exact = Math.max(1, Math.round(base * shape(t) * (1 + noise)));
        const shown = rounding ? rounded(exact, rounding) : { value: exact, granularity: null };
        s.o.push(t);
        s.f.push(shown.value);
        // HTML pages sometimes render without a count: that day's figure is unknown, not zero.
        s.g?.push(flaky && rng.chance(0.01) ? null : following);
        s.p?.push(flaky && rng.chance(0.005) ? null : posts);
        s.l?.push(Math.round(exact * likesRatio));
        s.x?.push(shown.granularity !== null);
        s.gr?.push(shown.granularity);
      }

      const lastDay = s.o.length ? addDays(start, s.o[s.o.length - 1] ?? 0) : null;
      accounts.push({
        id,
        workspace_id: plan.workspaceId,
        platform,
        handle,
        display_name: platform === "linkedin" || rng.chance(0.8) ? org.name : `${org.name} (Official)`,
        profile_url: profileUrl(platform, handle),
        organization: org.name,
        tags,
        is_core: isClient,
        active: !paused,
        health_status: failing ? "failing" : lastDay ? "healthy" : "unknown",
        last_error_code: failing ? FAILURES[platform] : null,
        last_error_at: failing ? at(plan.today, second) : null,
        last_success_at: lastDay ? at(lastDay, second) : null,
        consecutive_failures: failures,
        created_at: at(start, 0),
      });
      if (s.o.length) series.push(s);
    }
  }
  return { accounts, series };
}
