import { eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { jobRuns, workspaces } from "@/lib/db/schema";
import type { Platform } from "@/lib/domain/platforms";
import type { RateLimit } from "@/lib/scrapers/config";
import { beginRun } from "@/lib/services/job-runs/begin-run";
import { PERMANENT_ERROR_CODES, snapshotRunParamsSchema } from "./snapshot-run-params";

export interface SnapshotBatch {
  batchId: string;
  platform: Platform;
  accountIds: string[];
}

export interface SnapshotPlan {
  workspaceId: string;
  snapshotDate: string;
  /** Empty when the run was cancelled, already finished, or had nothing left to do. */
  batches: SnapshotBatch[];
}

const MAX_BATCH = 50;
const MIN_BATCH = 5;
const BATCH_SECONDS = 30;

/** About 30 s of scraping per batch at the platform's rate, so one step never runs for minutes. */
export function batchSizeFor(limit: RateLimit | undefined): number {
  if (!limit) return MAX_BATCH;
  return Math.min(MAX_BATCH, Math.max(MIN_BATCH, Math.ceil(limit.perSecond * BATCH_SECONDS)));
}

/**
 * Starts a queued (or resumed) run: picks the accounts still without that day's snapshot, core
 * first, then those that failed last time, then the rest, and cuts them into one-platform batches
 * in that order. Accounts already done that day are counted as skipped, so a resumed run adds
 * no duplicates and leaves no gaps.
 */
export async function planSnapshotRun(
  db: Db,
  runId: string,
  options: { now: Date; limits: Readonly<Record<string, RateLimit>> },
): Promise<SnapshotPlan> {
  const [run] = await db
    .select({ workspaceId: jobRuns.workspaceId, status: jobRuns.status, params: jobRuns.params, timezone: workspaces.timezone })
    .from(jobRuns)
    .innerJoin(workspaces, eq(workspaces.id, jobRuns.workspaceId))
    .where(eq(jobRuns.id, runId));
  if (!run) return { workspaceId: "", snapshotDate: "", batches: [] };
  const params = snapshotRunParamsSchema.parse(run.params);
  const empty = { workspaceId: run.workspaceId, snapshotDate: params.snapshotDate, batches: [] };
  if (run.status !== "queued" && run.status !== "running") return empty;

  const scope: SQL[] = [sql`a.workspace_id = ${run.workspaceId}`];
  if (params.accountId) scope.push(sql`a.id = ${params.accountId}`);
  else scope.push(sql`a.active`);
  if (params.platform) scope.push(sql`a.platform = ${params.platform}`);
  const pending: SQL[] = [
    sql`not exists (select 1 from account_snapshots s where s.account_id = a.id and s.snapshot_date = ${params.snapshotDate}::date)`,
  ];
  if (!params.includePermanentFailures) {
    pending.push(sql`not (coalesce(a.last_error_code in (${sql.join(PERMANENT_ERROR_CODES.map((code) => sql`${code}`), sql`, `)}), false)
      and (a.last_error_at at time zone ${run.timezone})::date = ${params.snapshotDate}::date)`);
  }
  const inScope = sql.join(scope, sql` and `);
  const [countRow] = rowsOf<{ n: number | string }>(await db.execute(sql`select count(*) as n from accounts a where ${inScope}`));
  const todo = rowsOf<{ id: string; platform: Platform }>(
    await db.execute(sql`
      select a.id, a.platform from accounts a
      where ${inScope} and ${sql.join(pending, sql` and `)}
      order by a.is_core desc, (a.consecutive_failures > 0) desc, a.created_at, a.id`),
  );
  const skipped = Number(countRow?.n ?? 0) - todo.length;

  const open = new Map<Platform, SnapshotBatch>();
  const batches: SnapshotBatch[] = [];
  for (const account of todo) {
    let batch = open.get(account.platform);
    if (!batch || batch.accountIds.length >= batchSizeFor(options.limits[account.platform])) {
      batch = { batchId: `b${String(batches.length + 1).padStart(3, "0")}`, platform: account.platform, accountIds: [] };
      batches.push(batch);
      open.set(account.platform, batch);
    }
    batch.accountIds.push(account.id);
  }

  const started = await beginRun(db, { runId, total: todo.length, counters: { succeeded: 0, failed: 0, skipped }, now: options.now });
  return started ? { ...empty, batches } : empty;
}
