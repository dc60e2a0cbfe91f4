import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { addDays } from "@/lib/domain/calendar";
import { STALE_AFTER_DAYS } from "@/lib/domain/freshness";
import { localDate } from "@/lib/domain/local-time";
import { PLATFORMS } from "@/lib/domain/platforms";

export const ACCOUNT_SORTS = ["change_7d", "change_7d_asc", "change_30d", "followers", "handle"] as const;
/** Which accounts a list counts: every one, only those being tracked, or only the paused ones. */
export const ACCOUNT_SETS = ["all", "active", "paused"] as const;

export const listAccountsQuerySchema = z.object({
  platform: z.enum(PLATFORMS).optional(),
  health: z.enum(["failing", "stale", "never_scraped"]).optional(),
  show: z.enum(ACCOUNT_SETS).default("all"),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(ACCOUNT_SORTS).default("change_7d"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAccountsQuery = z.infer<typeof listAccountsQuerySchema>;

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
}

export interface AccountPage {
  rows: AccountRow[];
  total: number;
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

const ORDER: Record<(typeof ACCOUNT_SORTS)[number], (freshFrom: string) => SQL> = {
  change_7d: (from) => sql`${freshChange("followers_change_7d", from)} desc nulls last, a.handle`,
  change_7d_asc: (from) => sql`${freshChange("followers_change_7d", from)} asc nulls last, a.handle`,
  change_30d: (from) => sql`${freshChange("followers_change_30d", from)} desc nulls last, a.handle`,
  followers: () => sql`a.latest_followers desc nulls last, a.handle`,
  handle: () => sql`a.handle, a.platform`,
};

/**
 * The Accounts page: latest followers and 7- and 30-day change per account, read from the columns
 * that the account_snapshots triggers maintain (see the account_latest migration) instead of three
 * history probes per account; a change shows only while the account is fresh. Exported for EXPLAIN in bench/.
 */
export function accountsPageQuery(scope: AccountsScope, query: ListAccountsQuery): SQL {
  const freshFrom = addDays(localDate(scope.timezone, scope.now), -STALE_AFTER_DAYS);
  const filters: SQL[] = [sql`a.workspace_id = ${scope.workspaceId}`];
  if (query.show === "active") filters.push(sql`a.active`);
  if (query.show === "paused") filters.push(sql`not a.active`);
  if (query.platform) filters.push(sql`a.platform = ${query.platform}`);
  if (query.health === "failing") filters.push(sql`a.health_status = 'failing'`);
  if (query.health === "stale") filters.push(sql`a.latest_snapshot_date < ${freshFrom}::date`);
  if (query.health === "never_scraped") filters.push(sql`a.latest_snapshot_date is null`);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(sql`(a.handle ilike ${like} or a.display_name ilike ${like} or a.organization ilike ${like})`);
  }
  const offset = (query.page - 1) * query.pageSize;
  return sql`
    select a.id, a.platform, a.handle, a.display_name, a.organization, a.is_core, a.active, a.health_status,
           coalesce(a.latest_snapshot_date < ${freshFrom}::date, false) as stale,
           a.last_error_code, to_char(a.latest_snapshot_date, 'YYYY-MM-DD') as latest_date,
           a.latest_followers::float8 as followers, coalesce(a.latest_approximate, false) as approximate,
           ${freshChange("followers_change_7d", freshFrom)}::float8 as change_7d, ${freshChange("followers_change_30d", freshFrom)}::float8 as change_30d,
           count(*) over ()::int as total
    from accounts a
    where ${sql.join(filters, sql` and `)}
    order by ${ORDER[query.sort](freshFrom)}
    limit ${query.pageSize} offset ${offset}`;
}

/** Runs under the caller's RLS: another workspace's id yields an empty page. */
export async function listAccounts(db: Db, { scope, query }: { scope: AccountsScope; query: ListAccountsQuery }): Promise<AccountPage> {
  const raw = rowsOf<Record<string, unknown>>(await db.execute(accountsPageQuery(scope, query)));
  const rows = raw.map((row) => ({
    id: String(row.id),
    platform: row.platform as AccountRow["platform"],
    handle: String(row.handle),
    displayName: (row.display_name as string | null) ?? null,
    organization: (row.organization as string | null) ?? null,
    isCore: Boolean(row.is_core),
    active: Boolean(row.active),
    stale: Boolean(row.stale),
    healthStatus: row.health_status as AccountRow["healthStatus"],
    lastErrorCode: (row.last_error_code as string | null) ?? null,
    latestDate: (row.latest_date as string | null) ?? null,
    followers: row.followers === null ? null : Number(row.followers),
    approximate: Boolean(row.approximate),
    change7d: row.change_7d === null ? null : Number(row.change_7d),
    change30d: row.change_30d === null ? null : Number(row.change_30d),
  }));
  const total = raw.length > 0 ? Number(raw[0]?.total) : 0;
  return { rows, total };
}
