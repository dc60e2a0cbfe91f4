import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { localDate } from "@/lib/domain/local-time";
import { POST_SORTS, POST_TYPES, POSTS_PAGE_SIZE, SORT_DIRECTIONS, type PostSort } from "@/lib/domain/posts-explorer";
import { POST_STATUSES } from "@/lib/domain/statuses";
import { AppError } from "@/lib/errors";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD").refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "not a date");
const text = z.string().trim().min(1).max(100);

/** The explorer's query, from URL search params: every filter optional, the newest posts first. */
export const searchPostsQuerySchema = z.object({
  va: text.optional(),
  creator: text.optional(),
  set: text.optional(),
  type: z.enum(POST_TYPES).optional(),
  status: z.enum(POST_STATUSES).optional(),
  from: day.optional(),
  to: day.optional(),
  q: z.string().trim().max(100).optional().transform((value) => value?.replace(/^#/, "") || undefined),
  sort: z.enum(POST_SORTS).default("posted"),
  dir: z.enum(SORT_DIRECTIONS).default("desc"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(POSTS_PAGE_SIZE),
});
/** The URL's query, plus one post by id for the post page (never from the URL). */
export type SearchPostsQuery = z.output<typeof searchPostsQuerySchema> & { id?: string };
type PostFilters = Partial<Omit<SearchPostsQuery, "sort" | "dir" | "cursor" | "limit">>;

export const postExplorerRowSchema = z.object({
  id: z.uuid(),
  postId: z.string(),
  url: z.string(),
  creator: z.string().nullable(),
  va: z.string().nullable(),
  setId: z.string().nullable(),
  type: z.enum(POST_TYPES).nullable(),
  status: z.enum(POST_STATUSES),
  postedAt: z.iso.datetime().nullable(),
  views: z.number().int().nullable(),
  likes: z.number().int().nullable(),
  comments: z.number().int().nullable(),
  shares: z.number().int().nullable(),
  saves: z.number().int().nullable(),
  engagementRate: z.number().nullable(),
  viewsGained24h: z.number().int().nullable(),
  viewsGained7d: z.number().int().nullable(),
  slideCount: z.number().int().nullable(),
  hasThumbnail: z.boolean(),
  lastError: z.string().nullable(),
  lastErrorCode: z.string().nullable(),
  consecutiveFailures: z.number().int(),
});
/** One row of the explorer, as the JSON route returns it (dates as ISO strings). */
export type PostExplorerRow = z.infer<typeof postExplorerRowSchema>;

export const searchPostsResponseSchema = z.object({ data: z.array(postExplorerRowSchema), nextCursor: z.string().nullable() });
export type PostExplorerPage = z.infer<typeof searchPostsResponseSchema>;

export interface ExplorerScope {
  workspaceId: string;
  timezone: string;
  /** "Now" for the freshness of gains; the edge passes the clock, tests a fixed instant. */
  now: Date;
}

/**
 * Gains count only while the latest stats day is today or yesterday in the workspace's timezone:
 * a post no longer scraped has no recent gain, not its last one.
 */
const freshGain = (column: "views_gained_1d" | "views_gained_7d", today: string) =>
  sql`case when p.stats_date >= ${today}::date - 1 then p.${sql.raw(column)} end`;

/** The sort key of a gain that is not reported (or stale): below every value. */
const NOT_REPORTED = "-9223372036854775808";

/**
 * Each sort key is never null (not reported sorts below every value) and written exactly as in its
 * index, so keyset paging walks tiktok_posts_explore_*_idx forwards or backwards.
 */
function sortKey(sort: PostSort, today: string): { key: SQL; cast: string } {
  switch (sort) {
    case "posted":
      return { key: sql`coalesce(p.posted_at, '-infinity'::timestamptz)`, cast: "timestamptz" };
    case "engagement":
      return { key: sql`coalesce(p.engagement_rate, -1)`, cast: "double precision" };
    case "gained24h":
      return { key: sql`coalesce(${freshGain("views_gained_1d", today)}, ${sql.raw(NOT_REPORTED)})`, cast: "bigint" };
    case "gained7d":
      return { key: sql`coalesce(${freshGain("views_gained_7d", today)}, ${sql.raw(NOT_REPORTED)})`, cast: "bigint" };
    case "slides":
      return { key: sql`coalesce(p.slide_count, -1)`, cast: "integer" };
    default:
      return { key: sql`coalesce(p.${sql.raw(sort)}, -1)`, cast: "bigint" };
  }
}

const cursorSchema = z.tuple([z.string().max(80), z.uuid()]);

export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString("base64url");
}

function decodeCursor(cursor: string): [string, string] {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new AppError("invalid_input", "The cursor is not one this list gave out.");
  }
}

const likePattern = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The filters that narrow the explorer, also used by its gallery and by the filter options. */
export function postFilters(scope: ExplorerScope, query: PostFilters): SQL[] {
  const where: SQL[] = [sql`p.workspace_id = ${scope.workspaceId}`];
  if (query.id) where.push(sql`p.id = ${query.id}`);
  if (query.va) where.push(sql`p.va = ${query.va}`);
  if (query.creator) where.push(sql`p.creator = ${query.creator}`);
  if (query.set) where.push(sql`p.set_id = ${query.set}`);
  if (query.status) where.push(sql`p.status = ${query.status}`);
  if (query.type) where.push(sql`coalesce(p.is_slideshow, lower(p.post_type) = 'slideshow') = ${query.type === "slideshow"}`);
  // Posted dates are the workspace's calendar days.
  if (query.from) where.push(sql`p.posted_at >= (${query.from}::date)::timestamp at time zone ${scope.timezone}`);
  if (query.to) where.push(sql`p.posted_at < (${query.to}::date + 1)::timestamp at time zone ${scope.timezone}`);
  if (query.q) {
    const pattern = likePattern(query.q);
    where.push(sql`(p.caption ilike ${pattern} or exists (select 1 from unnest(p.hashtags) h where h ilike ${pattern}))`);
  }
  return where;
}

interface Row {
  id: string;
  post_id: string;
  url: string;
  creator: string | null;
  va: string | null;
  set_id: string | null;
  is_slideshow: boolean | null;
  post_type: string | null;
  status: PostExplorerRow["status"];
  posted_at: Date | string | null;
  views: string | number | null;
  likes: string | number | null;
  comments: string | number | null;
  shares: string | number | null;
  saves: string | number | null;
  engagement_rate: number | null;
  gained_1d: string | number | null;
  gained_7d: string | number | null;
  slide_count: number | null;
  has_thumbnail: boolean;
  last_error: string | null;
  last_error_code: string | null;
  consecutive_failures: number;
  sort_key: string;
}

const num = (value: string | number | null) => (value === null ? null : Number(value));

function postType(row: Pick<Row, "is_slideshow" | "post_type">): PostExplorerRow["type"] {
  if (row.is_slideshow !== null) return row.is_slideshow ? "slideshow" : "video";
  const declared = row.post_type?.trim().toLowerCase();
  return declared === "slideshow" || declared === "video" ? declared : null;
}

function pageSelect(scope: ExplorerScope, query: SearchPostsQuery, where: SQL[], order: SQL, limit: number, extra: SQL = sql``): SQL {
  const today = localDate(scope.timezone, scope.now);
  const { key } = sortKey(query.sort, today);
  return sql`
    select p.id, p.post_id, p.url, p.creator, p.va, p.set_id, p.is_slideshow, p.post_type, p.status::text as status, p.posted_at,
      p.views, p.likes, p.comments, p.shares, p.saves, p.engagement_rate, p.slide_count,
      ${freshGain("views_gained_1d", today)} as gained_1d, ${freshGain("views_gained_7d", today)} as gained_7d,
      p.last_error, p.last_error_code, p.consecutive_failures, (${key})::text as sort_key,
      exists (select 1 from tiktok_slides s where s.post_id = p.id and s.slide_index = 0 and s.storage_path is not null offset 0) as has_thumbnail${extra}
    from tiktok_posts p
    where ${sql.join(where, sql` and `)}
    order by ${order}
    limit ${limit}`;
}

/** One step of a page's reading: given how many rows are still wanted, its statement. */
export type PagePhase = (wanted: number) => SQL;

/**
 * The statements that read one page (one row more than asked, to know whether another page
 * follows), run in order while rows are still wanted. `offset 0` in the select keeps the
 * thumbnail test a per-row index probe, not a hashed subplan over every slide of the workspace.
 */
export function explorerPagePhases(scope: ExplorerScope, query: SearchPostsQuery): PagePhase[] {
  if (query.sort === "gained24h" || query.sort === "gained7d") return gainPagePhases(scope, query, query.sort === "gained24h" ? "views_gained_1d" : "views_gained_7d");
  const today = localDate(scope.timezone, scope.now);
  const { key, cast } = sortKey(query.sort, today);
  const desc = query.dir === "desc";
  const where = postFilters(scope, query);
  if (query.cursor) {
    const [value, id] = decodeCursor(query.cursor);
    const bound = sql`${value}::${sql.raw(cast)}`;
    where.push(desc ? sql`(${key}, p.id) < (${bound}, ${id}::uuid)` : sql`(${key}, p.id) > (${bound}, ${id}::uuid)`);
  }
  const order = desc ? sql`${key} desc, p.id desc nulls last` : sql`${key} asc, p.id asc nulls first`;
  return [(wanted) => pageSelect(scope, query, where, order, wanted)];
}

/**
 * A sort on a gain, whose freshness depends on today, in two steps that each walk an index: the
 * ranked posts (a gain on a stats day from yesterday on, by (workspace, stats day, gain, id) merged
 * over those days), then the rest, all "not reported", by id. Descending, the ranked come first.
 */
function gainPagePhases(scope: ExplorerScope, query: SearchPostsQuery, column: "views_gained_1d" | "views_gained_7d"): PagePhase[] {
  const today = localDate(scope.timezone, scope.now);
  const gain = sql.raw(`p.${column}`);
  const desc = query.dir === "desc";
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const inRest = cursor !== null && cursor[0] === NOT_REPORTED;
  const ranked: PagePhase = (wanted) => {
    const where = postFilters(scope, query);
    where.push(sql`${gain} is not null`);
    if (cursor && !inRest) {
      const bound = sql`(${cursor[0]}::bigint, ${cursor[1]}::uuid)`;
      where.push(desc ? sql`(${gain}, p.id) < ${bound}` : sql`(${gain}, p.id) > ${bound}`);
    }
    // In the index's order (desc nulls last, or backwards), so the branches merge without a sort.
    const order = desc ? sql`${gain} desc nulls last, p.id desc nulls last` : sql`${gain} asc nulls first, p.id asc nulls first`;
    const days = [sql`p.stats_date = ${today}::date - 1`, sql`p.stats_date = ${today}::date`, sql`p.stats_date > ${today}::date`];
    const branches = days.map((day) => sql`(${pageSelect(scope, query, [...where, day], order, wanted, sql`, ${gain} as rank_gain`)})`);
    const outer = desc ? sql`ranked.rank_gain desc nulls last, ranked.id desc nulls last` : sql`ranked.rank_gain asc nulls first, ranked.id asc nulls first`;
    return sql`select * from (${sql.join(branches, sql` union all `)}) ranked order by ${outer} limit ${wanted}`;
  };
  const rest: PagePhase = (wanted) => {
    const where = postFilters(scope, query);
    where.push(sql`(p.stats_date is null or p.stats_date < ${today}::date - 1 or ${gain} is null)`);
    if (cursor && inRest) where.push(desc ? sql`p.id < ${cursor[1]}::uuid` : sql`p.id > ${cursor[1]}::uuid`);
    return pageSelect(scope, query, where, desc ? sql`p.id desc` : sql`p.id asc`, wanted);
  };
  if (desc) return inRest ? [rest] : [ranked, rest];
  return inRest || !cursor ? [rest, ranked] : [ranked];
}

/**
 * One page of the posts explorer, read under RLS: filtered, sorted on any metric, and paged by a
 * keyset cursor (sort key, id), so every post appears exactly once however deep the scroll.
 */
export async function searchPosts(db: Db, { scope, query }: { scope: ExplorerScope; query: SearchPostsQuery }): Promise<PostExplorerPage> {
  const rows: Row[] = [];
  for (const phase of explorerPagePhases(scope, query)) {
    if (rows.length > query.limit) break;
    rows.push(...rowsOf<Row>(await db.execute(phase(query.limit + 1 - rows.length))));
  }
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => ({
      id: row.id,
      postId: row.post_id,
      url: row.url,
      creator: row.creator,
      va: row.va,
      setId: row.set_id,
      type: postType(row),
      status: row.status,
      postedAt: row.posted_at === null ? null : new Date(row.posted_at).toISOString(),
      views: num(row.views),
      likes: num(row.likes),
      comments: num(row.comments),
      shares: num(row.shares),
      saves: num(row.saves),
      engagementRate: row.engagement_rate === null ? null : Number(row.engagement_rate),
      viewsGained24h: num(row.gained_1d),
      viewsGained7d: num(row.gained_7d),
      slideCount: row.slide_count,
      hasThumbnail: row.has_thumbnail,
      lastError: row.last_error,
      lastErrorCode: row.last_error_code,
      consecutiveFailures: row.consecutive_failures,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.sort_key, last.id) : null,
  };
}
