import { sql } from "drizzle-orm";
import { z } from "zod";
import { rowsOf } from "@/lib/db/rows";
import { defineRuleKind } from "../rule-kind";

/**
 * A post whose views gained over its latest day (views_gained_1d, today's or yesterday's stats)
 * exceed `factor` times the median views of its creator's other posts (at least 3 with views).
 * Each creator's views are sorted once; a post's "others" median is read from that list with the
 * post's own value taken out (at its rank, by binary search): a median per post over its creator's
 * posts took minutes at 100,000 posts.
 */
export const postViral = defineRuleKind({
  params: z.object({ factor: z.number().min(1.5).max(1000).default(5) }),
  async evaluate(db, { workspaceId, slug, today, params }) {
    const rows = rowsOf<{ id: string; post_id: string; creator: string; day: string; gained: number | string; median: number | string }>(
      await db.execute(sql`
        with creators as (
          select o.creator, array_agg(o.views order by o.views) as sorted, count(*)::int as n
          from tiktok_posts o
          where o.workspace_id = ${workspaceId} and o.creator is not null and o.views is not null
          group by o.creator
        ),
        -- m: the creator's other posts with views; r: the post's own place in the sorted list (its
        -- last equal value), after which the others' k-th value is the list's (k + 1)-th.
        fresh as (
          select p.id, p.post_id, p.creator, p.stats_date, p.views_gained_1d, c.sorted,
            c.n - (p.views is not null)::int as m,
            case when p.views is null then c.n + 1 else width_bucket(p.views, c.sorted) end as r
          from tiktok_posts p
          join creators c on c.creator = p.creator
          where p.workspace_id = ${workspaceId} and p.stats_date >= ${today}::date - 1 and p.views_gained_1d is not null
        ),
        medians as (
          select f.*, (f.sorted[(f.m + 1) / 2 + ((f.m + 1) / 2 >= f.r)::int] + f.sorted[f.m / 2 + 1 + (f.m / 2 + 1 >= f.r)::int])::float8 / 2 as median
          from fresh f
          where f.m >= 3
        )
        select id, post_id, creator, stats_date::text as day, views_gained_1d as gained, median
        from medians
        where median > 0 and views_gained_1d > ${params.factor} * median
        order by views_gained_1d desc, id`),
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
