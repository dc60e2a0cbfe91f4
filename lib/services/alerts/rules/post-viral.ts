import { sql } from "drizzle-orm";
import { z } from "zod";
import { rowsOf } from "@/lib/db/rows";
import { defineRuleKind } from "../rule-kind";

/**
 * A post whose views gained over its latest day (views_gained_1d, today's or yesterday's stats)
 * exceed `factor` times the median views of its creator's other posts (at least 3 with views).
 */
export const postViral = defineRuleKind({
  params: z.object({ factor: z.number().min(1.5).max(1000).default(5) }),
  async evaluate(db, { workspaceId, slug, today, params }) {
    const rows = rowsOf<{ id: string; post_id: string; creator: string; day: string; gained: number | string; median: number | string }>(
      await db.execute(sql`
        select p.id, p.post_id, p.creator, p.stats_date::text as day, p.views_gained_1d as gained, m.median
        from tiktok_posts p
        cross join lateral (
          select percentile_cont(0.5) within group (order by o.views) as median, count(*) as n
          from tiktok_posts o where o.workspace_id = p.workspace_id and o.creator = p.creator and o.id <> p.id and o.views is not null
        ) m
        where p.workspace_id = ${workspaceId} and p.creator is not null and p.stats_date >= ${today}::date - 1
          and p.views_gained_1d is not null and m.n >= 3 and m.median > 0 and p.views_gained_1d > ${params.factor} * m.median
        order by p.views_gained_1d desc`),
    );
    return rows.map((row) => {
      const gained = Number(row.gained);
      const median = Number(row.median);
      return {
        subjectType: "post" as const,
        subjectId: row.id,
        subjectLabel: `${row.creator}'s post ${row.post_id}`,
        link: `/${slug}/posts/${row.id}`,
        day: row.day,
        title: `${row.creator}'s post is taking off`,
        message: `It gained ${gained.toLocaleString("en-US")} views in a day, ${Math.round((gained / median) * 10) / 10}× the median of ${row.creator}'s posts (${median.toLocaleString("en-US")}).`,
        details: { creator: row.creator, tiktokPostId: row.post_id, viewsGained1d: gained, creatorMedianViews: median },
      };
    });
  },
});
