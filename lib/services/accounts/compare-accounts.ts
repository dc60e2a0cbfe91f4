import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { calendarDays } from "@/lib/domain/calendar";
import type { Platform } from "@/lib/domain/platforms";

/** At most this many accounts on one comparison chart. */
export const COMPARE_LIMIT = 5;

export const compareAccountsInputSchema = z.object({
  accountIds: z.array(z.uuid()).min(1).max(COMPARE_LIMIT),
  from: z.iso.date(),
  to: z.iso.date(),
});

export interface ComparedAccount {
  id: string;
  platform: Platform;
  handle: string;
  displayName: string | null;
  /** Followers per day of `days`, null where not reported or suspect (a gap). */
  followers: (number | null)[];
  approximate: boolean[];
}

/** Followers per day of up to five accounts, under the caller's RLS: accounts it cannot see are left out. */
export async function compareAccounts(db: Db, { workspaceId, input }: { workspaceId: string; input: z.infer<typeof compareAccountsInputSchema> }): Promise<{ days: string[]; accounts: ComparedAccount[] }> {
  const { accountIds, from, to } = compareAccountsInputSchema.parse(input);
  const days = calendarDays(from, to);
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select a.id, a.platform, a.handle, a.display_name,
        (select jsonb_agg(jsonb_build_object('date', to_char(s.snapshot_date, 'YYYY-MM-DD'), 'followers', s.followers, 'approximate', s.approximate))
         from account_snapshots s
         where s.account_id = a.id and s.snapshot_date between ${from}::date and ${to}::date and s.followers is not null and s.suspect_reason is null) as points
      from accounts a
      where a.workspace_id = ${workspaceId} and a.id = any(${`{${accountIds.join(",")}}`}::uuid[])
      order by a.handle, a.id`),
  );
  return {
    days,
    accounts: rows.map((row) => {
      const points = new Map(((row.points as { date: string; followers: number | string; approximate: boolean }[] | null) ?? []).map((point) => [point.date, point]));
      return {
        id: String(row.id),
        platform: row.platform as Platform,
        handle: String(row.handle),
        displayName: (row.display_name as string | null) ?? null,
        followers: days.map((date) => (points.has(date) ? Number(points.get(date)?.followers) : null)),
        approximate: days.map((date) => points.get(date)?.approximate === true),
      };
    }),
  };
}
