-- The posts explorer sorts every post by its views gained over 1 and 7 days; computing that from
-- tiktok_post_stats on each request costs index probes per post. These columns hold the answer, kept
-- current by statement-level triggers that refresh only the posts a statement touched.
create or replace function private.refresh_post_gains(post_ids uuid[])
returns void
language sql
security definer
set search_path = ''
as $$
  update public.tiktok_posts p
  set stats_date = l.date,
      views_gained_1d = l.views - case when d.views is not null then d.views when posted.day > l.date - 1 then 0 end,
      views_gained_7d = l.views - case when w.views is not null then w.views when posted.day > l.date - 7 then 0 end
  from (select distinct unnest(post_ids) as id) t
  join public.tiktok_posts tp on tp.id = t.id
  join public.workspaces ws on ws.id = tp.workspace_id
  cross join lateral (select (tp.posted_at at time zone ws.timezone)::date as day) posted
  left join lateral (
    select s.date, s.views from public.tiktok_post_stats s
    where s.post_id = t.id and s.views is not null
    order by s.date desc limit 1
  ) l on true
  left join lateral (
    select s.views from public.tiktok_post_stats s
    where s.post_id = t.id and s.views is not null and s.date <= l.date - 1 and s.date >= l.date - 4
    order by s.date desc limit 1
  ) d on true
  left join lateral (
    select s.views from public.tiktok_post_stats s
    where s.post_id = t.id and s.views is not null and s.date <= l.date - 7 and s.date >= l.date - 10
    order by s.date desc limit 1
  ) w on true
  where p.id = t.id
$$;
--> statement-breakpoint
create or replace function private.tiktok_post_stats_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    perform private.refresh_post_gains(array(select distinct post_id from changed_old));
  else
    perform private.refresh_post_gains(array(select distinct post_id from changed_new));
  end if;
  return null;
end
$$;
--> statement-breakpoint
revoke all on function private.refresh_post_gains(uuid[]), private.tiktok_post_stats_changed() from public, anon, authenticated;
--> statement-breakpoint
create trigger tiktok_post_stats_gains_insert after insert on public.tiktok_post_stats
  referencing new table as changed_new for each statement execute function private.tiktok_post_stats_changed();
--> statement-breakpoint
create trigger tiktok_post_stats_gains_update after update on public.tiktok_post_stats
  referencing new table as changed_new for each statement execute function private.tiktok_post_stats_changed();
--> statement-breakpoint
create trigger tiktok_post_stats_gains_delete after delete on public.tiktok_post_stats
  referencing old table as changed_old for each statement execute function private.tiktok_post_stats_changed();
--> statement-breakpoint
select private.refresh_post_gains(array(select distinct post_id from public.tiktok_post_stats));
