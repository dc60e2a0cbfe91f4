import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { ACCOUNT_GROUPINGS, ACCOUNT_SORTS, naturalDirection, type AccountGrouping, type AccountSort, type SortDirection } from "@/lib/domain/account-sorts";
import { addDays, calendarDays } from "@/lib/domain/calendar";
import { STALE_AFTER_DAYS } from "@/lib/domain/freshness";
import { localDate } from "@/lib/domain/local-time";
import { PLATFORMS } from "@/lib/domain/platforms";
import { decodeCursor, keysetPage, pageQuerySchema, type Page } from "@/lib/api/cursor";
import { QUALITY_WINDOW_DAYS, scoreDataQuality, type DataQuality } from "./score-data-quality";

/** Which accounts a list counts: every one, only those being tracked, or only the paused ones. */
export const ACCOUNT_SETS = ["all", "active", "paused"] as const;

export const listAccountsQuerySchema = z.object({
  platform: z.enum(PLATFORMS).optional(),
  health: z.enum(["failing", "stale", "never_scraped"]).optional(),
  show: z.enum(ACCOUNT_SETS).default("all"),
  q: z.string().trim().max(100).optional(),
  tag: z.string().trim().min(1).max(50).optional(),
  organization: z.string().trim().min(1).max(200).optional(),
  core: z.enum(["only", "not"]).optional(),
  sort: z.enum(ACCOUNT_SORTS).default("change_7d"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAccountsQuery = z.infer<typeof listAccountsQuerySchema> & { dir?: SortDirection; group?: AccountGrouping };

/**
 * The Accounts page's grid: the list's filters plus a sort direction, grouping by organization or
 * tag, and larger pages (the grid is virtualized, so only the rows in view are in the DOM).
 */
export const accountsGridQuerySchema = listAccountsQuerySchema.extend({
  dir: z.enum(["asc", "desc"]).optional(),
  group: z.enum(ACCOUNT_GROUPINGS).optional(),
  pageSize: z.coerce.number().int().min(1).max(1_000).default(500),
});

type AccountFilters = Pick<ListAccountsQuery, "platform" | "health" | "q" | "show" | "tag" | "organization" | "core">;

/** The filters a person set, as opposed to the list's sort and page: what "Clear filters" clears. */
export const ACCOUNT_FILTER_KEYS = ["platform", "health", "q", "tag", "organization", "core"] as const;

/** The API's four sorts, each a figure (or the handle) descending: keyset paging needs one direction. */
const API_SORTS = ["change_7d", "change_30d", "followers", "handle"] as const;

/** The API's list: the same filters and sorts, paged by keyset cursor instead of page number. */
export const listAccountsCursorQuerySchema = listAccountsQuerySchema
  .omit({ page: true, pageSize: true })
  .extend({ sort: z.enum(API_SORTS).default("change_7d"), ...pageQuerySchema.shape });
export type ListAccountsCursorQuery = z.infer<typeof listAccountsCursorQuerySchema>;

export interface AccountRow {
  id: string;
  platform: (typeof PLATFORMS)[number];
  handle: string;
  displayName: string | null;
  organization: string | null;
  isCore: boolean;
  active: boolean;
  /** The latest snapshot is older than the freshness window: its changes are left out (null). */
  stale: boolean;
  healthStatus: "unknown" | "healthy" | "failing";
  lastErrorCode: string | null;
  latestDate: string | null;
  followers: number | null;
  approximate: boolean;
  change7d: number | null;
  change30d: number | null;
  change1d: number | null;
  change90d: number | null;
  /** Rank by followers among the workspace's active accounts on the same platform; null without a figure or when paused. */
  rankInPlatform: number | null;
  /** Followers on each of the last SPARKLINE_DAYS days, null where not reported (a gap, not 0). */
  sparkline: (number | null)[];
  /** null until the account has a snapshot (docs/data-quality.md#the-score). */
  quality: DataQuality | null;
  /** With grouping: the organization or tag this row sits under (null: none). */
  group?: string | null;
}

/** Days in each row's followers sparkline, today included. */
export const SPARKLINE_DAYS = 30;

const num = (value: unknown) => (value === null ? null : Number(value));

function fillSparkline(from: string, points: { date: string; followers: number | string }[]): (number | null)[] {
  const byDate = new Map(points.map((point) => [point.date, Number(point.followers)]));
  return calendarDays(from, addDays(from, SPARKLINE_DAYS - 1)).map((date) => byDate.get(date) ?? null);
}

export interface AccountPage {
  rows: AccountRow[];
  /** Rows in the whole list: with grouping by tag, an account counts once per tag. */
  total: number;
  /** With grouping by tag: the accounts behind those rows, each once. */
  accounts?: number;
}

/** One group header of the grid, summed over the whole filtered list (not just the page). */
export interface AccountGroup {
  /** The organization or tag; null for the accounts with none. */
  key: string | null;
  accounts: number;
  followers: number;
  /** Some of the summed figures are rounded by the platform. */
  approximate: boolean;
}

/** Where the list is read from: the workspace and its calendar day, for freshness. */
export interface AccountsScope {
  workspaceId: string;
  timezone: string;
  now: Date;
}

// Growth counts only while the latest snapshot is fresh: a stale account never tops a ranking with an old gain.
const freshChange = (column: "followers_change_7d" | "followers_change_30d", freshFrom: string) =>
  sql`case when a.latest_snapshot_date >= ${freshFrom}::date then a.${sql.raw(column)} end`;

const SORT_KEYS: Record<AccountSort, (freshFrom: string) => SQL | null> = {
  change_7d: (from) => freshChange("followers_change_7d", from),
  change_7d_asc: (from) => freshChange("followers_change_7d", from),
  change_30d: (from) => freshChange("followers_change_30d", from),
  followers: () => sql`a.latest_followers`,
  handle: () => null,
};

/** The sort's figure in either direction, unknown figures last, then the handle A to Z as the tie-break. */
function orderOf(query: Pick<ListAccountsQuery, "sort" | "dir">, freshFrom: string): SQL {
  const dir = sql.raw(query.dir ?? naturalDirection(query.sort));
  const key = SORT_KEYS[query.sort](freshFrom);
  return key ? sql`${key} ${dir} nulls last, a.handle` : sql`a.handle ${dir}, a.platform`;
}

/** The group an account row sits under: its organization, or each of its tags (an account with none: null). */
function groupJoin(group: AccountGrouping | undefined): SQL {
  if (group === "tag") return sql`left join lateral unnest(case when cardinality(a.tags) > 0 then a.tags else array[null::text] end) g(key) on true`;
  if (group === "org") return sql`left join lateral (select a.organization as key) g on true`;
  return sql`left join lateral (select null::text as key) g on true`;
}

/**
 * The Accounts page: latest followers and 7- and 30-day change per account, read from the columns
 * that the account_snapshots triggers maintain (see the account_latest migration) instead of three
 * history probes per account; a change shows only while the account is fresh. Exported for EXPLAIN in bench/.
 */
function accountFilters(scope: AccountsScope, query: AccountFilters, freshFrom: string): SQL[] {
  const filters: SQL[] = [sql`a.workspace_id = ${scope.workspaceId}`];
  if (query.show === "active") filters.push(sql`a.active`);
  if (query.show === "paused") filters.push(sql`not a.active`);
  if (query.platform) filters.push(sql`a.platform = ${query.platform}`);
  if (query.health === "failing") filters.push(sql`a.health_status = 'failing'`);
  if (query.health === "stale") filters.push(sql`a.latest_snapshot_date < ${freshFrom}::date`);
  if (query.health === "never_scraped") filters.push(sql`a.latest_snapshot_date is null`);
  if (query.tag) filters.push(sql`${query.tag} = any(a.tags)`);
  if (query.organization) filters.push(sql`lower(a.organization) = lower(${query.organization})`);
  if (query.core === "only") filters.push(sql`a.is_core`);
  if (query.core === "not") filters.push(sql`not a.is_core`);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(sql`(a.handle ilike ${like} or a.display_name ilike ${like} or a.organization ilike ${like})`);
  }
  return filters;
}

const freshFromOf = (scope: AccountsScope) => addDays(localDate(scope.timezone, scope.now), -STALE_AFTER_DAYS);

export function accountsPageQuery(scope: AccountsScope, query: ListAccountsQuery): SQL {
  const freshFrom = freshFromOf(scope);
  const filters = accountFilters(scope, query, freshFrom);
  const offset = (query.page - 1) * query.pageSize;
  const today = localDate(scope.timezone, scope.now);
  const sparkFrom = addDays(today, 1 - SPARKLINE_DAYS);
  // The page first; the 1- and 90-day changes, the sparkline and the rank are then read for its rows only.
  const reading = (from: number, to: number) => sql`(
    select s.followers from account_snapshots s
    where s.account_id = page.id and s.followers is not null and s.suspect_reason is null
      and s.snapshot_date <= page.latest_day - ${from}::int and s.snapshot_date >= page.latest_day - ${to}::int
    order by s.snapshot_date desc limit 1)`;
  return sql`
    with page as (
      select a.id, a.platform, a.handle, a.display_name, a.organization, a.is_core, a.active, a.health_status,
             coalesce(a.latest_snapshot_date < ${freshFrom}::date, false) as stale, a.latest_snapshot_date as latest_day,
             a.last_error_code, to_char(a.latest_snapshot_date, 'YYYY-MM-DD') as latest_date,
             a.latest_followers::float8 as followers, coalesce(a.latest_approximate, false) as approximate,
             ${freshChange("followers_change_7d", freshFrom)}::float8 as change_7d, ${freshChange("followers_change_30d", freshFrom)}::float8 as change_30d,
             g.key as group_key, count(*) over ()::int as total,
             ${query.group === "tag" ? sql`count(*) filter (where g.key is not distinct from a.tags[1]) over ()::int` : sql`null::int`} as accounts,
             row_number() over (order by ${query.group ? sql`g.key asc nulls last, ` : sql``}${orderOf(query, freshFrom)}) as n
      from accounts a ${groupJoin(query.group)}
      where ${sql.join(filters, sql` and `)}
      order by n
      limit ${query.pageSize} offset ${offset}
    ),
    ranked as (
      select a.id, rank() over (partition by a.platform order by a.latest_followers desc)::int as rank
      from accounts a where a.workspace_id = ${scope.workspaceId} and a.active and a.latest_followers is not null
    )
    select page.*, r.rank, q.reported_days, q.approximate_days, q.suspect_days, to_char(f.first_date, 'YYYY-MM-DD') as first_date,
      case when not page.stale then (page.followers - ${reading(1, 2)})::float8 end as change_1d,
      case when not page.stale then (page.followers - ${reading(90, 93)})::float8 end as change_90d,
      (select jsonb_agg(jsonb_build_object('date', to_char(s.snapshot_date, 'YYYY-MM-DD'), 'followers', s.followers) order by s.snapshot_date)
       from account_snapshots s
       where s.account_id = page.id and s.snapshot_date between ${sparkFrom}::date and ${today}::date
         and s.followers is not null and s.suspect_reason is null) as spark
    from page left join ranked r on r.id = page.id
    left join lateral (
      select count(*) filter (where s.followers is not null)::int as reported_days,
             count(*) filter (where s.followers is not null and s.approximate)::int as approximate_days,
             count(*) filter (where s.suspect_reason is not null)::int as suspect_days
      from account_snapshots s
      where s.account_id = page.id and s.snapshot_date between ${today}::date - ${QUALITY_WINDOW_DAYS - 1}::int and ${today}::date
    ) q on true
    left join lateral (select min(s.snapshot_date) as first_date from account_snapshots s where s.account_id = page.id) f on true
    order by page.n`;
}

/** Runs under the caller's RLS: another workspace's id yields an empty page. */
export async function listAccounts(db: Db, { scope, query }: { scope: AccountsScope; query: ListAccountsQuery }): Promise<AccountPage> {
  const raw = rowsOf<Record<string, unknown>>(await db.execute(accountsPageQuery(scope, query)));
  const today = localDate(scope.timezone, scope.now);
  const rows = raw.map((row) => ({
    ...apiRowOf(row),
    ...(query.group && { group: (row.group_key as string | null) ?? null }),
    active: Boolean(row.active),
    stale: Boolean(row.stale),
    change1d: num(row.change_1d),
    change90d: num(row.change_90d),
    rankInPlatform: num(row.rank),
    sparkline: fillSparkline(addDays(today, 1 - SPARKLINE_DAYS), (row.spark as { date: string; followers: number | string }[] | null) ?? []),
    quality: scoreDataQuality({
      today,
      firstDate: (row.first_date as string | null) ?? null,
      latestDate: (row.latest_date as string | null) ?? null,
      reportedDays: Number(row.reported_days ?? 0),
      approximateDays: Number(row.approximate_days ?? 0),
      suspectDays: Number(row.suspect_days ?? 0),
    }),
  }));
  const total = raw.length > 0 ? Number(raw[0]?.total) : 0;
  return query.group === "tag" ? { rows, total, accounts: raw.length > 0 ? Number(raw[0]?.accounts) : 0 } : { rows, total };
}

/** An account as the API lists it: the page's row without the per-page extras (quality, sparkline, rank). */
export type ApiAccountRow = Pick<
  AccountRow,
  "id" | "platform" | "handle" | "displayName" | "organization" | "isCore" | "healthStatus" | "lastErrorCode" | "latestDate" | "followers" | "approximate" | "change7d" | "change30d"
>;

/** The columns both lists read, from a raw row (numbers arrive as text or float8). */
function apiRowOf(row: Record<string, unknown>): ApiAccountRow {
  return {
    id: String(row.id),
    platform: row.platform as AccountRow["platform"],
    handle: String(row.handle),
    displayName: (row.display_name as string | null) ?? null,
    organization: (row.organization as string | null) ?? null,
    isCore: Boolean(row.is_core),
    healthStatus: row.health_status as AccountRow["healthStatus"],
    lastErrorCode: (row.last_error_code as string | null) ?? null,
    latestDate: (row.latest_date as string | null) ?? null,
    followers: num(row.followers),
    approximate: Boolean(row.approximate),
    change7d: num(row.change_7d),
    change30d: num(row.change_30d),
  };
}

const sortColumn = (sort: (typeof API_SORTS)[number], freshFrom: string): SQL | null =>
  sort === "followers" ? sql`a.latest_followers::float8` : sort === "handle" ? null : sql`${freshChange(sort === "change_7d" ? "followers_change_7d" : "followers_change_30d", freshFrom)}::float8`;
const accountCursor = z.tuple([z.number().nullable(), z.string(), z.uuid()]);

/**
 * Keyset paging in the sort's order (the figure descending, nulls last), then handle and id, so
 * every account appears exactly once however the list is walked.
 */
export async function listAccountsByCursor(db: Db, { scope, query }: { scope: AccountsScope; query: ListAccountsCursorQuery }): Promise<Page<ApiAccountRow>> {
  const freshFrom = freshFromOf(scope);
  const filters = accountFilters(scope, query, freshFrom);
  const column = sortColumn(query.sort, freshFrom);
  if (query.cursor) {
    const [value, handle, id] = decodeCursor(query.cursor, accountCursor);
    const after = sql`(a.handle, a.id) > (${handle}, ${id}::uuid)`;
    if (!column) filters.push(after);
    else if (value === null) filters.push(sql`(${column} is null and ${after})`);
    else filters.push(sql`(${column} < ${value} or (${column} = ${value} and ${after}) or ${column} is null)`);
  }
  const order = column ? sql`${column} desc nulls last, a.handle, a.id` : sql`a.handle, a.id`;
  const raw = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select a.id, a.platform, a.handle, a.display_name, a.organization, a.is_core, a.health_status, a.last_error_code,
             to_char(a.latest_snapshot_date, 'YYYY-MM-DD') as latest_date, a.latest_followers::float8 as followers,
             coalesce(a.latest_approximate, false) as approximate,
             ${freshChange("followers_change_7d", freshFrom)}::float8 as change_7d, ${freshChange("followers_change_30d", freshFrom)}::float8 as change_30d
      from accounts a where ${sql.join(filters, sql` and `)} order by ${order} limit ${query.limit + 1}`),
  );
  const rows = raw.map(apiRowOf);
  const value = (row: ApiAccountRow) => (query.sort === "followers" ? row.followers : query.sort === "change_30d" ? row.change30d : row.change7d);
  return keysetPage(rows, query.limit, (row) => [column ? value(row) : null, row.handle, row.id]);
}

/**
 * The grid's group headers: how many accounts each organization or tag holds in the filtered list
 * and their summed latest followers, groups A to Z and the accounts with none last.
 */
export async function listAccountGroups(db: Db, { scope, query }: { scope: AccountsScope; query: ListAccountsQuery & { group: AccountGrouping } }): Promise<AccountGroup[]> {
  const filters = accountFilters(scope, query, freshFromOf(scope));
  const rows = rowsOf<{ key: string | null; accounts: number | string; followers: number | string | null; approximate: boolean | null }>(
    await db.execute(sql`
      select g.key, count(*)::int as accounts, coalesce(sum(a.latest_followers), 0)::float8 as followers,
             coalesce(bool_or(a.latest_approximate and a.latest_followers is not null), false) as approximate
      from accounts a ${groupJoin(query.group)}
      where ${sql.join(filters, sql` and `)}
      group by g.key order by g.key asc nulls last`),
  );
  return rows.map((row) => ({ key: row.key ?? null, accounts: Number(row.accounts), followers: Number(row.followers ?? 0), approximate: Boolean(row.approximate) }));
}

/** The tags and organizations in use, for the Accounts page's filters. */
export async function listAccountFacets(db: Db, input: { workspaceId: string }): Promise<{ tags: string[]; organizations: string[] }> {
  const [row] = rowsOf<{ tags: string[] | null; organizations: string[] | null }>(
    await db.execute(sql`
      select (select array_agg(distinct t order by t) from accounts a, unnest(a.tags) t where a.workspace_id = ${input.workspaceId}) as tags,
             (select array_agg(distinct a.organization order by a.organization) from accounts a
              where a.workspace_id = ${input.workspaceId} and a.organization is not null) as organizations`),
  );
  return { tags: row?.tags ?? [], organizations: row?.organizations ?? [] };
}
