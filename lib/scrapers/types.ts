import { PLATFORMS, type Platform } from "@/lib/domain/platforms";
import type { Count } from "./counts";

/** Platforms are the DB enum's (lib/db/schema.ts), spelled the way the schema stores them. */
export function isPlatform(value: string): value is Platform {
  return (PLATFORMS as readonly string[]).includes(value);
}

/** How the numbers were obtained: an official/JSON API, server-rendered HTML, or a real browser. */
export type MetricSource = "api" | "html" | "browser";

/** One source's follower count, read beside the chosen one to check it (docs/data-quality.md). */
export interface FollowerReading {
  source: MetricSource;
  followers: Count | null;
}

/** One account's public numbers; null means the platform did not report the metric (never 0). */
export interface AccountMetrics {
  platform: Platform;
  handle: string;
  id: string | null;
  displayName: string | null;
  followers: Count | null;
  following: Count | null;
  posts: Count | null;
  likes: Count | null;
  verified: boolean | null;
  private: boolean | null;
  source: MetricSource;
  /** Other sources read at the same time (the YouTube page beside the Data API); absent when only one was read. */
  crossCheck?: FollowerReading[];
}

export interface Slide {
  index: number;
  /** Every CDN mirror, kept byte-for-byte: the signatures must not be re-encoded. */
  urls: string[];
  width: number | null;
  height: number | null;
  /** From the x-expires query parameter; null when the URL carries none. */
  expiresAt: Date | null;
}

export interface PostMetrics {
  postId: string;
  url: string;
  author: { id: string | null; uniqueId: string; nickname: string | null; followers: Count | null };
  caption: string;
  hashtags: string[];
  mentions: string[];
  postedAt: Date | null;
  /** Seconds; a slideshow's is its music's duration since its video duration is 0. */
  duration: number | null;
  music: { id: string | null; title: string | null; author: string | null } | null;
  views: Count | null;
  likes: Count | null;
  comments: Count | null;
  shares: Count | null;
  saves: Count | null;
  isSlideshow: boolean;
  slides: Slide[];
  source: MetricSource;
}
