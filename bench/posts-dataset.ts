/**
 * The generated posts workspace the explorer benches share (bench/posts-explorer.bench.ts on the
 * queries, bench/explorer-browser.ts in Chromium): set-based SQL, so 100,000 posts take seconds.
 */
import type { Connection } from "@/lib/db/client";

export const VIEWER = "00000000-0000-4000-8000-00000000b002";
export const VIEWER_EMAIL = "bench-posts@example.test";
export const WORKSPACE = "00000000-0000-4000-8000-00000000a002";
export const WORKSPACE_SLUG = "bench-posts";
export const TIMEZONE = "America/New_York";
export const LAST_DAY = "2026-06-30";

/** `posts` posts by 12 VAs, 80 creators and 300 sets, each with `days` daily stats ending on LAST_DAY; half are slideshows. */
export async function generatePostsWorkspace(connection: Connection, { posts: POSTS, days: DAYS }: { posts: number; days: number }) {
  const run = (text: string, params: unknown[] = []) => connection.runner.query(text, params);
  await run("insert into auth.users (id, email) values ($1, $2)", [VIEWER, VIEWER_EMAIL]);
  await run("insert into workspaces (id, slug, name, timezone) values ($1, $2, 'Bench', $3)", [WORKSPACE, WORKSPACE_SLUG, TIMEZONE]);
  await run("insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'viewer')", [WORKSPACE, VIEWER]);
  await run(
    `insert into tiktok_posts (workspace_id, post_id, url, creator, set_id, va, post_type, status, is_slideshow, slide_count, caption, hashtags,
       posted_at, views, likes, comments, shares, saves)
     select $1, (7300000000000000000 + i)::text, 'https://www.tiktok.com/@c' || (i % 80) || '/video/' || (7300000000000000000 + i),
       'creator' || (i % 80), 'SET-' || (i % 300), 'VA' || (i % 12), case when i % 2 = 0 then 'slideshow' else 'video' end,
       (case when i % 29 = 0 then 'failed' when i % 31 = 0 then 'pending' else 'scraped' end)::post_status,
       i % 2 = 0, case when i % 2 = 0 then 3 + i % 9 end, 'caption ' || i || case when i % 7 = 0 then ' morning routine' else '' end,
       array['fyp', 'tag' || (i % 50)],
       $3::timestamptz - make_interval(days => ${DAYS} - 1 + (i % 180), secs => i % 86400),
       1000 + (abs(hashtext(i::text)) % 500000), 50 + i % 5000, i % 300, i % 200, i % 400
     from generate_series(1, $2::int) i`,
    [WORKSPACE, POSTS, `${LAST_DAY}T12:00:00Z`],
  );
  // Three stored slides per slideshow, so the thumbnail probe meets a table of realistic size.
  await run(
    `insert into tiktok_slides (post_id, workspace_id, slide_index, storage_path, bytes, content_type)
     select p.id, p.workspace_id, n, p.workspace_id || '/' || p.post_id || '/' || n || '.jpg', 90000, 'image/jpeg'
     from tiktok_posts p, generate_series(0, 2) n where p.workspace_id = $1 and p.is_slideshow`,
    [WORKSPACE],
  );
  const chunk = Math.max(1, Math.floor(1_000_000 / DAYS));
  for (let from = 1; from <= POSTS; from += chunk) {
    await run(
      `insert into tiktok_post_stats (post_id, workspace_id, date, views, likes, comments, shares, saves)
       select p.id, p.workspace_id, $4::date - d, greatest(0, p.views - d * (1 + abs(hashtext(p.post_id)) % 200)), p.likes, p.comments, p.shares, p.saves
       from tiktok_posts p, generate_series(0, $5::int - 1) d
       where p.workspace_id = $1 and p.post_id::numeric - 7300000000000000000 between $2 and $3`,
      [WORKSPACE, from, Math.min(POSTS, from + chunk - 1), LAST_DAY, DAYS],
    );
  }
  await connection.runner.exec("analyze");
}
