import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { PLATFORMS } from "@/lib/domain/platforms";
import { decodeCursor, keysetPage, pageQuerySchema, type Page } from "@/lib/api/cursor";

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
 * an index walk instead of three history probes per account. Exported for EXPLAIN in bench/.
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

const ACCOUNT_COLUMNS = sql`a.id, a.platform, a.handle, a.display_name, a.organization, a.is_core, a.health_status,
           a.last_error_code, to_char(a.latest_snapshot_date, 'YYYY-MM-DD') as latest_date,
           a.latest_followers::float8 as followers, coalesce(a.latest_approximate, false) as approximate,
           a.followers_change_7d::float8 as change_7d, a.followers_change_30d::float8 as change_30d`;

export function accountsPageQuery(workspaceId: string, query: ListAccountsQuery): SQL {
  const filters = accountFilters(workspaceId, query);
  const offset = (query.page - 1) * query.pageSize;
  return sql`
    select ${ACCOUNT_COLUMNS}, count(*) over ()::int as total
    from accounts a
    where ${sql.join(filters, sql` and `)}
    order by ${ORDER[query.sort]}
    limit ${query.pageSize} offset ${offset}`;
}

function toAccountRow(row: Record<string, unknown>): AccountRow {
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
    followers: row.followers === null ? null : Number(row.followers),
    approximate: Boolean(row.approximate),
    change7d: row.change_7d === null ? null : Number(row.change_7d),
    change30d: row.change_30d === null ? null : Number(row.change_30d),
  };
}

/** Runs under the caller's RLS: another workspace's id yields an empty page. */
export async function listAccounts(db: Db, { workspaceId, query }: { workspaceId: string; query: ListAccountsQuery }): Promise<AccountPage> {
  const raw = rowsOf<Record<string, unknown>>(await db.execute(accountsPageQuery(workspaceId, query)));
  const rows = raw.map(toAccountRow);
  const total = raw.length > 0 ? Number(raw[0]?.total) : 0;
  return { rows, total };
}

const SORT_COLUMN: Record<(typeof ACCOUNT_SORTS)[number], SQL | null> = {
  change_7d: sql`a.followers_change_7d::float8`,
  change_30d: sql`a.followers_change_30d::float8`,
  followers: sql`a.latest_followers::float8`,
  handle: null,
};
const accountCursor = z.tuple([z.number().nullable(), z.string(), z.uuid()]);

/**
 * Keyset paging in the sort's order (the figure descending, nulls last), then handle and id, so
 * every account appears exactly once however the list is walked.
 */
export async function listAccountsByCursor(db: Db, { workspaceId, query }: { workspaceId: string; query: ListAccountsCursorQuery }): Promise<Page<AccountRow>> {
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
    await db.execute(sql`select ${ACCOUNT_COLUMNS} from accounts a where ${sql.join(filters, sql` and `)} order by ${order} limit ${query.limit + 1}`),
  );
  const value = (row: AccountRow) => (query.sort === "followers" ? row.followers : query.sort === "change_30d" ? row.change30d : row.change7d);
  return keysetPage(raw.map(toAccountRow), query.limit, (row) => [column ? value(row) : null, row.handle, row.id]);
}
