/** The Accounts list's sorts; `change_7d_asc` is the Overview's "Top losers" link from before sorts took a direction. */
export const ACCOUNT_SORTS = ["change_7d", "change_7d_asc", "change_30d", "followers", "handle"] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];
export type SortDirection = "asc" | "desc";

/** The grid's groupings (`?group=org|tag`). */
export const ACCOUNT_GROUPINGS = ["org", "tag"] as const;
export type AccountGrouping = (typeof ACCOUNT_GROUPINGS)[number];

/** The direction a sort takes when the URL names none: handles A to Z, figures largest first. */
export function naturalDirection(sort: AccountSort): SortDirection {
  return sort === "handle" || sort === "change_7d_asc" ? "asc" : "desc";
}
