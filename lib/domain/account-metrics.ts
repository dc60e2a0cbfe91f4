/** The four daily figures of a tracked account, in the order the account page shows them. */
export const ACCOUNT_METRICS = ["followers", "following", "posts", "likes"] as const;
export type AccountMetric = (typeof ACCOUNT_METRICS)[number];

export const ACCOUNT_METRIC_LABELS: Record<AccountMetric, string> = {
  followers: "Followers",
  following: "Following",
  posts: "Posts",
  likes: "Likes",
};

export function isAccountMetric(value: unknown): value is AccountMetric {
  return typeof value === "string" && (ACCOUNT_METRICS as readonly string[]).includes(value);
}
