import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { AppError } from "@/lib/errors";

export interface AccountHistoryRow {
  date: string;
  followers: number | null;
  following: number | null;
  posts: number | null;
  likes: number | null;
  approximate: boolean;
  source: string;
  suspectReason: string | null;
}

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** Under the caller's RLS: someone else's account, or none, is not found. */
export async function requireAccount(db: Db, { workspaceId, accountId }: { workspaceId: string; accountId: string }): Promise<void> {
  const rows = rowsOf(await db.execute(sql`select 1 from accounts where id = ${accountId} and workspace_id = ${workspaceId}`));
  if (rows.length === 0) throw new AppError("not_found", "No such account.");
}

/** One page of an account's snapshots, oldest first, after the date `after` (keyset), for an export. */
export async function listAccountHistory(
  db: Db,
  { workspaceId, accountId, after, limit }: { workspaceId: string; accountId: string; after: string | null; limit: number },
): Promise<AccountHistoryRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select to_char(snapshot_date, 'YYYY-MM-DD') as date, followers::float8 as followers, following::float8 as following,
        posts::float8 as posts, likes::float8 as likes, approximate, source::text as source, suspect_reason
      from account_snapshots
      where account_id = ${accountId} and workspace_id = ${workspaceId} and snapshot_date > ${after ?? "-infinity"}::date
      order by snapshot_date limit ${limit}`),
  );
  return rows.map((row) => ({
    date: String(row.date),
    followers: num(row.followers),
    following: num(row.following),
    posts: num(row.posts),
    likes: num(row.likes),
    approximate: row.approximate === true,
    source: String(row.source),
    suspectReason: (row.suspect_reason as string | null) ?? null,
  }));
}
