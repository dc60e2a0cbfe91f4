/** The ten platforms Reach tracks; the database enum and every picker are built from this list. */
export const PLATFORMS = [
  "x",
  "instagram",
  "facebook",
  "linkedin",
  "youtube",
  "truth_social",
  "tiktok",
  "bluesky",
  "threads",
  "mastodon",
] as const;
export type Platform = (typeof PLATFORMS)[number];
