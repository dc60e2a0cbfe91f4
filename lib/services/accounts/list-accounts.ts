import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { PLATFORMS } from "@/lib/domain/platforms";
import { decodeCursor, keysetPage, pageQuerySchema, type Page } from "@/lib/api/cursor";
import { QUALITY_WINDOW_DAYS, scoreDataQuality, type DataQuality } from "./score-data-quality";

export const ACCOUNT_SORTS = ["change_7d", "change_30d", "followers", "handle"] as const;

export const listAccountsQuerySchema = z.object({
  platform: z.enum(PLATFORMS).optional(),
  health: z.enum(["failing", "never_scraped"]).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(ACCOUNT_SORTS).default("change_7d"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAccountsQuery = z.infer<typeof listAccountsQuerySchema>;
type AccountFilters = Pick<ListAccountsQuery, "platform" | "health" | "q">;

/** The API's list: the same filters and sorts, paged by keyset cursor instead of page number. */
export const listAccountsCursorQuerySchema = listAccountsQuerySchema.omit({ page: true, pageSize: true }).extend(pageQuerySchema.shape);
export type ListAccountsCursorQuery = z.infer<typeof listAccountsCursorQuerySchema>;

export interface AccountRow {
  id: string;
  platform: (typeof PLATFORMS)[number];
  handle: string;
  displayName: string | null;
  organization: string | null;
  isCore: boolean;
  healthStatus: "unknown" | "healthy" | "failing";
  lastErrorCode: string | null;
  latestDate: string | null;
  followers: number | null;
  approximate: boolean;
  change7d: number | null;
  change30d: number | null;
  /** null until the account has a snapshot (docs/data-quality.md#the-score). */
  quality: DataQuality | null;
}

export interface AccountPage {
  rows: AccountRow[];
  total: number;
}

const ORDER: Record<(typeof ACCOUNT_SORTS)[number], SQL> = {
  change_7d: sql`a.followers_change_7d desc nulls last, a.handle`,
  change_30d: sql`a.followers_change_30d desc nulls last, a.handle`,
  followers: sql`a.latest_followers desc nulls last, a.handle`,
  handle: sql`a.handle, a.platform`,
};

/**
 * The Accounts page: latest followers and 7- and 30-day change per account, read from the columns
 * that the account_snapshots triggers maintain (see the account_latest migration), so the sort is
 * an index walk instead of three history probes per account. Only the page's rows then count their
 * last 30 days of history for the data-quality score (two index probes each). Exported for EXPLAIN in bench/.
 */
function accountFilters(workspaceId: string, query: AccountFilters): SQL[] {
  const filters: SQL[] = [sql`a.workspace_id = ${workspaceId}`];
  if (query.platform) filters.push(sql`a.platform = ${query.platform}`);
  if (query.health === "failing") filters.push(sql`a.health_status = 'failing'`);
  if (query.health === "never_scraped") filters.push(sql`a.last_success_at is null`);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(sql`(a.handle ilike ${like} or a.display_name ilike ${like} or a.organization ilike ${like})`);
  }
  return filters;
}

export function accountsPageQuery(workspaceId: string, query: ListAccountsQuery, today: string): SQL {
  const filters = accountFilters(workspaceId, query);
  const offset = (query.page - 1) * query.pageSize;
  return sql`
    with page as (
    select a.id, a.platform, a.handle, a.display_name, a.organization, a.is_core, a.health_status,
           a.last_error_code, to_char(a.latest_snapshot_date, 'YYYY-MM-DD') as latest_date,
           a.latest_followers::float8 as followers, coalesce(a.latest_approximate, false) as approximate,
           a.followers_change_7d::float8 as change_7d, a.followers_change_30d::float8 as change_30d,
           count(*) over ()::int as total, row_number() over (order by ${ORDER[query.sort]}) as ord
    from accounts a
    where ${sql.join(filters, sql` and `)}
    order by ${ORDER[query.sort]}
    limit ${query.pageSize} offset ${offset}
    )
    select p.*, q.reported_days, q.approximate_days, q.suspect_days, to_char(f.first_date, 'YYYY-MM-DD') as first_date
    from page p
    left join lateral (
      select count(*) filter (where s.followers is not null)::int as reported_days,
             count(*) filter (where s.followers is not null and s.approximate)::int as approximate_days,
             count(*) filter (where s.suspect_reason is not null)::int as suspect_days
      from account_snapshots s
      where s.account_id = p.id and s.snapshot_date between ${today}::date - ${QUALITY_WINDOW_DAYS - 1}::int and ${today}::date
    ) q on true
    left join lateral (select min(s.snapshot_date) as first_date from account_snapshots s where s.account_id = p.id) f on true
    order by p.ord`;
}

/** Runs under the caller's RLS: another workspace's id yields an empty page. `today` is the workspace's local date, for the score. */
export async function listAccounts(db: Db, { workspaceId, query, today }: { workspaceId: string; query: ListAccountsQuery; today: string }): Promise<AccountPage> {
  const raw = rowsOf<Record<string, unknown>>(await db.execute(accountsPageQuery(workspaceId, query, today)));
  const rows = raw.map((row) => ({
    id: String(row.id),
    platform: row.platform as AccountRow["platform"],
    handle: String(row.handle),
    displayName: (row.display_name as string | null) ?? null,
    organization: (row.organization as string | null) ?? null,
    isCore: Boolean(row.is_core),
    healthStatus: row.health_status as AccountRow["healthStatus"],
    lastErrorCode: (row.last_error_code as string | null) ?? null,
    latestDate: (row.latest_date as string | null) ?? null,
    followers: row.followers === null ? null : Number(row.followers),
    approximate: Boolean(row.approximate),
    change7d: row.change_7d === null ? null : Number(row.change_7d),
    change30d: row.change_30d === null ? null : Number(row.change_30d),
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
  return { rows, total };
}

/** An account as the API lists it: the page's row without the data-quality score. */
export type ApiAccountRow = Omit<AccountRow, "quality">;

const SORT_COLUMN: Record<(typeof ACCOUNT_SORTS)[number], SQL | null> = {
  change_7d: sql`a.followers_change_7d::float8`,
  change_30d: sql`a.followers_change_30d::float8`,
  followers: sql`a.latest_followers::float8`,
  handle: null,
};
const accountCursor = z.tuple([z.number().nullable(), z.string(), z.uuid()]);
const num = (value: unknown) => (value === null ? null : Number(value));

/**
 * Keyset paging in the sort's order (the figure descending, nulls last), then handle and id, so
 * every account appears exactly once however the list is walked.
 */
export async function listAccountsByCursor(db: Db, { workspaceId, query }: { workspaceId: string; query: ListAccountsCursorQuery }): Promise<Page<ApiAccountRow>> {
  const filters = accountFilters(workspaceId, query);
  const column = SORT_COLUMN[query.sort];
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
             coalesce(a.latest_approximate, false) as approximate, a.followers_change_7d::float8 as change_7d, a.followers_change_30d::float8 as change_30d
      from accounts a where ${sql.join(filters, sql` and `)} order by ${order} limit ${query.limit + 1}`),
  );
  const rows: ApiAccountRow[] = raw.map((row) => ({
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
  }));
  const value = (row: ApiAccountRow) => (query.sort === "followers" ? row.followers : query.sort === "change_30d" ? row.change30d : row.change7d);
  return keysetPage(rows, query.limit, (row) => [column ? value(row) : null, row.handle, row.id]);
}
