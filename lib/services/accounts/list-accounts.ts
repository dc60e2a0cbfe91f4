import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { PLATFORMS } from "@/lib/db/schema";

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
  change_7d: sql`change_7d desc nulls last, handle`,
  change_30d: sql`change_30d desc nulls last, handle`,
  followers: sql`followers desc nulls last, handle`,
  handle: sql`handle, platform`,
};

/** Followers `days` before the latest snapshot, tolerating a gap of a few missing days. */
const followersBefore = (days: number) => sql`(
  select s.followers from account_snapshots s
  where s.account_id = latest.id
    and s.snapshot_date <= latest.latest_date - ${days}::int
    and s.snapshot_date >= latest.latest_date - ${days + 3}::int
    and s.followers is not null
  order by s.snapshot_date desc limit 1)`;

/**
 * The Accounts page: each account's latest snapshot with its 7- and 30-day follower change,
 * one index probe per account on (account_id, snapshot_date). Runs under the caller's RLS.
 */
export async function listAccounts(tx: Tx, workspaceId: string, query: ListAccountsQuery): Promise<AccountPage> {
  const filters: SQL[] = [sql`a.workspace_id = ${workspaceId}`];
  if (query.platform) filters.push(sql`a.platform = ${query.platform}`);
  if (query.health === "failing") filters.push(sql`a.health_status = 'failing'`);
  if (query.health === "never_scraped") filters.push(sql`a.last_success_at is null`);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(sql`(a.handle ilike ${like} or a.display_name ilike ${like} or a.organization ilike ${like})`);
  }
  const where = sql.join(filters, sql` and `);
  const offset = (query.page - 1) * query.pageSize;

  const result = await tx.execute(sql`
    with latest as (
      select a.id, a.platform, a.handle, a.display_name, a.organization, a.is_core, a.health_status,
             a.last_error_code, l.snapshot_date as latest_date, l.followers, l.approximate
      from accounts a
      left join lateral (
        select s.snapshot_date, s.followers, s.approximate from account_snapshots s
        where s.account_id = a.id order by s.snapshot_date desc limit 1
      ) l on true
      where ${where}
    ), measured as (
      select latest.*,
             latest.followers - ${followersBefore(7)} as change_7d,
             latest.followers - ${followersBefore(30)} as change_30d
      from latest
    )
    select id, platform, handle, display_name, organization, is_core, health_status, last_error_code,
           to_char(latest_date, 'YYYY-MM-DD') as latest_date, followers::float8 as followers,
           coalesce(approximate, false) as approximate, change_7d::float8 as change_7d,
           change_30d::float8 as change_30d, count(*) over ()::int as total
    from measured
    order by ${ORDER[query.sort]}
    limit ${query.pageSize} offset ${offset}`);

  const raw = rowsOf<Record<string, unknown>>(result);
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
  }));
  const total = raw.length > 0 ? Number(raw[0]?.total) : 0;
  return { rows, total };
}
