import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { workspaces } from "@/lib/db/schema";
import { LEADERBOARD_GROUPS, LEADERBOARD_PERIODS } from "@/lib/domain/leaderboards";
import { periodEnding } from "@/lib/domain/calendar";
import { localDate } from "@/lib/domain/local-time";

/** The leaderboards' groups and the trends' (by type and by slide-count bucket). */
const DIMENSIONS = [...LEADERBOARD_GROUPS, "type", "slides"];

/**
 * Stores the exact median views of every group over the preset periods ending today in the
 * workspace's timezone (tiktok_group_period_medians, migration 20261207100010), where none is stored
 * yet, and drops older periods. Run after each run; the leaderboards and trends read what is stored.
 */
export async function fillPeriodMedians(db: Db, input: { workspaceId: string; now: Date }): Promise<{ periods: number; written: number }> {
  const [workspace] = await db.select({ timezone: workspaces.timezone }).from(workspaces).where(eq(workspaces.id, input.workspaceId));
  if (!workspace) return { periods: 0, written: 0 };
  const today = localDate(workspace.timezone, input.now);
  const periods = LEADERBOARD_PERIODS.map((days) => periodEnding(today, days));
  const froms = periods.map(({ from }) => from);
  const tos = periods.map(({ to }) => to);
  const [row] = rowsOf<{ written: number }>(
    await db.execute(sql`
      select private.fill_period_medians(${input.workspaceId}::uuid, ${`{${DIMENSIONS.join(",")}}`}::text[],
        ${`{${froms.join(",")}}`}::date[], ${`{${tos.join(",")}}`}::date[]) as written`),
  );
  return { periods: froms.length, written: Number(row?.written ?? 0) };
}
