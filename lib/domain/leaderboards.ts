/** What a leaderboard groups posts by: the URL's ?by= and the posts explorer's filter of the same name. */
export const LEADERBOARD_GROUPS = ["va", "creator", "set"] as const;
export type LeaderboardGroup = (typeof LEADERBOARD_GROUPS)[number];

export const LEADERBOARD_GROUP_LABELS: Record<LeaderboardGroup, string> = { va: "VA", creator: "Creator", set: "Set" };

/** The preset periods in days, ending today in the workspace's timezone. */
export const LEADERBOARD_PERIODS = [7, 30, 90] as const;
export const DEFAULT_LEADERBOARD_PERIOD = 30;
