import { sql } from "drizzle-orm";
import { z } from "zod";
import { rowsOf } from "@/lib/db/rows";
import { defineRuleKind } from "../rule-kind";

export const accountScope = z.enum(["all", "core"]).default("all");

/**
 * Followers changed by more than `percent` between an account's latest snapshot (today's or
 * yesterday's) and the day before it. Suspect snapshots (docs/data-quality.md) count on neither side.
 */
export const followersChange = defineRuleKind({
  params: z.object({ percent: z.number().positive().max(1000).default(20), direction: z.enum(["drop", "spike", "both"]).default("both"), scope: accountScope }),
  async evaluate(db, { workspaceId, slug, today, params }) {
    const rows = rowsOf<{ id: string; handle: string; platform: string; day: string; followers: number | string; previous: number | string }>(
      await db.execute(sql`
        with latest as (
          select distinct on (s.account_id) s.account_id, s.snapshot_date, s.followers
          from account_snapshots s join accounts a on a.id = s.account_id
          where s.workspace_id = ${workspaceId} and a.active and (${params.scope} = 'all' or a.is_core)
            and s.suspect_reason is null and s.followers is not null and s.snapshot_date >= ${today}::date - 1
          order by s.account_id, s.snapshot_date desc
        )
        select a.id, a.handle, a.platform::text as platform, l.snapshot_date::text as day, l.followers, p.followers as previous
        from latest l
        join account_snapshots p on p.account_id = l.account_id and p.snapshot_date = l.snapshot_date - 1 and p.suspect_reason is null and p.followers > 0
        join accounts a on a.id = l.account_id
        order by a.handle`),
    );
    return rows.flatMap((row) => {
      const current = Number(row.followers);
      const previous = Number(row.previous);
      const change = ((current - previous) / previous) * 100;
      const breaks = params.direction === "drop" ? change < -params.percent : params.direction === "spike" ? change > params.percent : Math.abs(change) > params.percent;
      if (!breaks) return [];
      const rounded = Math.round(change * 10) / 10;
      return [
        {
          subjectType: "account" as const,
          subjectId: row.id,
          subjectLabel: `${row.handle} (${row.platform})`,
          link: `/${slug}/accounts/${row.id}`,
          day: row.day,
          title: `${row.handle}: followers ${change < 0 ? "dropped" : "jumped"} ${Math.abs(rounded)}%`,
          message: `${row.handle} on ${row.platform} went from ${previous.toLocaleString("en-US")} to ${current.toLocaleString("en-US")} followers on ${row.day} (${rounded > 0 ? "+" : ""}${rounded}%).`,
          details: { platform: row.platform, handle: row.handle, previous, current, changePercent: rounded },
        },
      ];
    });
  },
});
