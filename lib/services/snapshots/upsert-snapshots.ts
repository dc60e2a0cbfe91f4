import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { accountSnapshots } from "@/lib/db/schema";

export type SnapshotRow = typeof accountSnapshots.$inferInsert;

const UPDATE_ON_CONFLICT = {
  followers: sql`excluded.followers`,
  following: sql`excluded.following`,
  posts: sql`excluded.posts`,
  likes: sql`excluded.likes`,
  extra: sql`excluded.extra`,
  approximate: sql`excluded.approximate`,
  source: sql`excluded.source`,
  scrapedAt: sql`excluded.scraped_at`,
};

/**
 * Idempotent on (account, day): a second run of the same day updates the row, never adds one.
 * One multi-row statement per batch, since the latest-snapshot trigger runs once per statement;
 * `oneByOne` exists only as the bench's baseline.
 */
export async function upsertSnapshots(db: Db, { rows, oneByOne = false }: { rows: SnapshotRow[]; oneByOne?: boolean }): Promise<void> {
  if (rows.length === 0) return;
  const write = (values: SnapshotRow[]) =>
    db.insert(accountSnapshots).values(values).onConflictDoUpdate({ target: [accountSnapshots.accountId, accountSnapshots.snapshotDate], set: UPDATE_ON_CONFLICT });
  if (!oneByOne) return void (await write(rows));
  for (const row of rows) await write([row]);
}
