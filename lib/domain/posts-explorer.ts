/** What the posts explorer sorts on; each key is a URL value (?sort=views&dir=desc). */
export const POST_SORTS = ["posted", "views", "likes", "comments", "shares", "saves", "engagement", "gained24h", "gained7d", "slides"] as const;
export type PostSort = (typeof POST_SORTS)[number];

export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export const POST_TYPES = ["slideshow", "video"] as const;
export type PostType = (typeof POST_TYPES)[number];

/** The explorer's URL search params, shared by the page, the JSON route and the client. */
export const POST_FILTER_PARAMS = ["va", "creator", "set", "type", "status", "from", "to", "q"] as const;
export type PostFilterParam = (typeof POST_FILTER_PARAMS)[number];

export const POSTS_PAGE_SIZE = 50;

const QUERY_PARAMS = [...POST_FILTER_PARAMS, "sort", "dir"] as const;

/** The query the API answers, from the URL: filters and sort in a stable order, nothing view-only (?view=). */
export function explorerSearch(params: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const key of QUERY_PARAMS) {
    const value = params.get(key);
    if (value) kept.set(key, value);
  }
  kept.sort();
  return kept.toString();
}
