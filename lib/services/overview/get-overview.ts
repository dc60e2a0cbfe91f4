import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";

export interface Overview {
  accounts: number;
  failingAccounts: number;
  neverScraped: number;
  posts: number;
  scrapedPosts: number;
  failedPosts: number;
  totalViews: number | null;
  lastRun: { kind: string; status: string; finishedAt: string | null } | null;
}

export async function getOverview(db: Db, workspaceId: string): Promise<Overview> {
  const [counts] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select
        (select count(*)::int from accounts where workspace_id = ${workspaceId} and active) as accounts,
        (select count(*)::int from accounts where workspace_id = ${workspaceId} and health_status = 'failing') as failing,
        (select count(*)::int from accounts where workspace_id = ${workspaceId} and last_success_at is null) as never,
        (select count(*)::int from tiktok_posts where workspace_id = ${workspaceId}) as posts,
        (select count(*)::int from tiktok_posts where workspace_id = ${workspaceId} and status = 'scraped') as scraped,
        (select count(*)::int from tiktok_posts where workspace_id = ${workspaceId} and status = 'failed') as failed,
        (select sum(views)::float8 from tiktok_posts where workspace_id = ${workspaceId}) as views`),
  );
  const [run] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select kind, status::text as status, to_char(finished_at, 'YYYY-MM-DD"T"HH24:MI:SSOF') as finished_at
      from job_runs where workspace_id = ${workspaceId} order by created_at desc limit 1`),
  );
  return {
    accounts: Number(counts?.accounts ?? 0),
    failingAccounts: Number(counts?.failing ?? 0),
    neverScraped: Number(counts?.never ?? 0),
    posts: Number(counts?.posts ?? 0),
    scrapedPosts: Number(counts?.scraped ?? 0),
    failedPosts: Number(counts?.failed ?? 0),
    totalViews: counts?.views == null ? null : Number(counts.views),
    lastRun: run ? { kind: String(run.kind), status: String(run.status), finishedAt: (run.finished_at as string | null) ?? null } : null,
  };
}
