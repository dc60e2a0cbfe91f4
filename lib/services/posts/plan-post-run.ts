import { eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { jobRuns, workspaces } from "@/lib/db/schema";
import { beginRun } from "@/lib/services/job-runs/begin-run";
import { PERMANENT_ERROR_CODES } from "@/lib/services/snapshots/snapshot-run-params";
import type { SyncResult } from "./pipeline-stages";
import { postRunParamsSchema } from "./post-run-params";

export interface PostBatch {
  batchId: string;
  postIds: string[];
}

export interface PostPlan {
  workspaceId: string;
  statsDate: string;
  /** Empty when the run was cancelled, already finished, or had nothing left to do. */
  batches: PostBatch[];
}

export interface PlanPostRunOptions {
  now: Date;
  batchSize: number;
  /** The sync stage's outcome: its posts are always in scope, even past the refresh window; its invalid rows count as failed. */
  synced: SyncResult;
}

/** The post has its stats row for that day: scraped today, so its slide URLs are fresh. */
export const scrapedOn = (statsDate: string): SQL => sql`exists (select 1 from tiktok_post_stats t where t.post_id = p.id and t.date = ${statsDate}::date)`;

/** A slide still to download: not stored, and not given up on today. */
export const pendingSlide = (statsDate: string, timezone: string | SQL): SQL => sql`
  s.storage_path is null and (s.failed_at is null or (s.failed_at at time zone ${timezone})::date < ${statsDate}::date)`;

/**
 * Starts a queued (or resumed) post run: the workspace's posts (or one sheet's) that were synced
 * as ready, never scraped, or first seen within the workspace's refresh window; of those, the ones
 * without today's stats row (and not failed permanently today, unless retrying), or scraped today
 * with slides still to store. The rest count as skipped, so a restarted run duplicates nothing and skips nothing.
 */
export async function planPostRun(db: Db, { runId, ...options }: PlanPostRunOptions & { runId: string }): Promise<PostPlan> {
  const { synced } = options;
  const [run] = await db
    .select({ workspaceId: jobRuns.workspaceId, status: jobRuns.status, params: jobRuns.params, timezone: workspaces.timezone, refreshDays: workspaces.postRefreshDays })
    .from(jobRuns)
    .innerJoin(workspaces, eq(workspaces.id, jobRuns.workspaceId))
    .where(eq(jobRuns.id, runId));
  if (!run) return { workspaceId: "", statsDate: "", batches: [] };
  const params = postRunParamsSchema.parse(run.params);
  const empty = { workspaceId: run.workspaceId, statsDate: params.statsDate, batches: [] };
  if (run.status !== "queued" && run.status !== "running") return empty;

  const scope: SQL[] = [sql`p.workspace_id = ${run.workspaceId}`];
  if (params.sheetSourceId) scope.push(sql`p.sheet_source = ${params.sheetSourceId}`);
  scope.push(sql`(p.id in (select jsonb_array_elements_text(${JSON.stringify(options.synced.postIds)}::jsonb)::uuid)
    or p.first_scraped_at is null
    or p.first_scraped_at >= ${options.now.toISOString()}::timestamptz - make_interval(days => ${run.refreshDays}::int))`);
  const notScrapedToday: SQL[] = [sql`not ${scrapedOn(params.statsDate)}`];
  if (!params.includePermanentFailures) {
    notScrapedToday.push(sql`not (coalesce(p.last_error_code in (${sql.join(PERMANENT_ERROR_CODES.map((code) => sql`${code}`), sql`, `)}), false)
      and (p.last_error_at at time zone ${run.timezone})::date = ${params.statsDate}::date)`);
  }
  const inScope = sql.join(scope, sql` and `);
  const [countRow] = rowsOf<{ n: number | string }>(await db.execute(sql`select count(*) as n from tiktok_posts p where ${inScope}`));
  const todo = rowsOf<{ id: string }>(
    await db.execute(sql`
      select p.id from tiktok_posts p
      where ${inScope} and ((${sql.join(notScrapedToday, sql` and `)})
        or (${scrapedOn(params.statsDate)} and exists (select 1 from tiktok_slides s where s.post_id = p.id and ${pendingSlide(params.statsDate, run.timezone)})))
      order by (p.first_scraped_at is null) desc, (p.consecutive_failures > 0), p.created_at, p.id`),
  );
  const skipped = Number(countRow?.n ?? 0) - todo.length;

  const batches: PostBatch[] = [];
  for (let start = 0; start < todo.length; start += options.batchSize) {
    batches.push({ batchId: `b${String(batches.length + 1).padStart(3, "0")}`, postIds: todo.slice(start, start + options.batchSize).map((row) => row.id) });
  }
  const started = await beginRun(db, {
    runId,
    total: todo.length,
    counters: {
      succeeded: 0,
      failed: synced.invalidRows + synced.unresolvedRows + synced.sheetErrors,
      skipped,
      slidesStored: 0,
      slidesFailed: 0,
      slideBytes: 0,
      sheetWriteRequests: synced.writeRequests,
      sheetReadRequests: synced.readRequests,
      sheetRateLimited: synced.rateLimited,
      rowsRead: synced.rowsRead,
      rowsReady: synced.rowsReady,
      invalidRows: synced.invalidRows,
      unresolvedRows: synced.unresolvedRows,
      sheetErrors: synced.sheetErrors,
      batchesFinished: 0,
      ...Object.fromEntries(Object.entries(synced.errors).map(([code, n]) => [`error:${code}`, n ?? 0])),
    },
    params: { batchCount: batches.length },
    now: options.now,
  });
  return started ? { ...empty, batches } : empty;
}
