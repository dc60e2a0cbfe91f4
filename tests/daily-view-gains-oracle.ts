import { sql, type SQL } from "drizzle-orm";

/**
 * The oracle for the tiktok_post_view_gains rollup: the request-time rule the services used before
 * the rollup (migration 20261204100010), as a query of (post_id, date, gained) over a workspace's stats days in
 * [from, to]: a day's views less the post's previous stats day, at most a week before; a post's
 * first day counts from zero only if it was posted that day or the day before. Else gained is null.
 */
export function dailyViewGains(input: { workspaceId: string; timezone: string; from: string; to: string }): SQL {
  return sql`
    select st.post_id, st.date,
      case when st.previous_date >= st.date - 7 then st.delta
           when st.previous_date is null and (p.posted_at at time zone ${input.timezone})::date >= st.date - 1 then st.views end as gained
    from (
      select s.post_id, s.date, s.views,
        s.views - lag(s.views) over (partition by s.post_id order by s.date) as delta,
        lag(s.date) over (partition by s.post_id order by s.date) as previous_date
      from tiktok_post_stats s
      where s.workspace_id = ${input.workspaceId} and s.views is not null and s.date between ${input.from}::date - 7 and ${input.to}::date
    ) st
    join tiktok_posts p on p.id = st.post_id
    where st.date between ${input.from}::date and ${input.to}::date`;
}
