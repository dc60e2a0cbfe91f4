import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import type { Platform } from "@/lib/domain/platforms";
import { timeScrape } from "@/lib/scrapers/time-scrape";
import type { ScraperContext } from "@/lib/scrapers/context";
import type { Count } from "@/lib/scrapers/counts";
import { toScrapeError, type ScrapeErrorCode } from "@/lib/scrapers/errors";
import { reconcileReadings } from "@/lib/scrapers/reconcile-readings";
import { scrapeAccount } from "@/lib/scrapers/scrape-account";
import { addRunProgress } from "@/lib/services/job-runs/add-run-progress";
import { isRunRunning } from "@/lib/services/job-runs/is-run-running";
import type { AccountMetrics } from "@/lib/scrapers/types";
import { upsertSnapshots, type SnapshotRow } from "./upsert-snapshots";

export interface SnapshotAttemptInput {
  runId: string;
  workspaceId: string;
  snapshotDate: string;
  accountIds: string[];
  /** On the last attempt retryable errors count as failures instead of going back for another try. */
  final: boolean;
  /** Unique per batch attempt: progress counts it once even if the engine runs the step again. */
  attemptKey: string;
  /** Which try of its batch this is (1-based), so the Jobs page can say a run is retrying. */
  attempt?: { batchId: string; number: number; of: number };
}

/** JSON-safe, so it can be a memoized step's output. */
export interface SnapshotAttemptResult {
  cancelled: boolean;
  succeeded: number;
  failed: number;
  skipped: number;
  errors: Partial<Record<ScrapeErrorCode, number>>;
  retry: string[];
  durationMs: number;
  /** Each scrape's own time, retried ones included: the platform's latency on the system-health page. */
  scrapeMs: number[];
}

export interface SnapshotDeps {
  db: Db;
  scraper: ScraperContext;
  now: () => Date;
  oneByOne?: boolean;
}

type Outcome = { accountId: string; metrics: AccountMetrics } | { accountId: string; code: ScrapeErrorCode; retryable: boolean };

const value = (count: Count | null) => count?.value ?? null;

function toRow(account: { id: string; workspaceId: string }, snapshotDate: string, metrics: AccountMetrics, now: Date): SnapshotRow {
  // Followers come from the reading that takes precedence; every reading is kept, and the database
  // flags the day suspect when they disagree (docs/data-quality.md).
  const reconciled = reconcileReadings([{ source: metrics.source, followers: metrics.followers }, ...(metrics.crossCheck ?? [])]);
  const counts = [metrics.following, metrics.posts, metrics.likes];
  return {
    accountId: account.id,
    workspaceId: account.workspaceId,
    snapshotDate,
    followers: reconciled?.chosen.followers ?? null,
    following: value(metrics.following),
    posts: value(metrics.posts),
    likes: value(metrics.likes),
    approximate: (reconciled?.chosen.approximate ?? false) || counts.some((count) => count?.approximate),
    source: reconciled?.chosen.source ?? metrics.source,
    extra: {
      platformId: metrics.id,
      displayName: metrics.displayName,
      verified: metrics.verified,
      private: metrics.private,
      ...(reconciled && { readings: reconciled.readings }),
      ...(reconciled?.disagree && { sourcesDisagree: true }),
    },
    scrapedAt: now,
  };
}

/**
 * One attempt at a batch: scrape the accounts still without that day's snapshot, then in one
 * transaction upsert the snapshots (one statement), update health and the run's live progress.
 * Permanent errors are final at once; retryable ones are handed back for the next attempt.
 */
export async function snapshotAccounts(deps: SnapshotDeps, input: SnapshotAttemptInput): Promise<SnapshotAttemptResult> {
  const started = Date.now();
  const nothing: SnapshotAttemptResult = { cancelled: false, succeeded: 0, failed: 0, skipped: 0, errors: {}, retry: [], durationMs: 0, scrapeMs: [] };
  if (!(await isRunRunning(deps.db, input.runId))) return { ...nothing, cancelled: true };

  const ids = sql.join(input.accountIds.map((id) => sql`${id}::uuid`), sql`, `);
  const accounts = rowsOf<{ id: string; workspace_id: string; platform: Platform; handle: string }>(
    await deps.db.execute(sql`
      select a.id, a.workspace_id, a.platform, a.handle from accounts a
      where a.id in (${ids}) and a.workspace_id = ${input.workspaceId}
        and not exists (select 1 from account_snapshots s where s.account_id = a.id and s.snapshot_date = ${input.snapshotDate}::date)`),
  );
  const scrapeMs: number[] = [];
  const outcomes: Outcome[] = await Promise.all(
    accounts.map((account) =>
      timeScrape(scrapeMs, () => scrapeAccount(account.platform, account.handle, deps.scraper)).then(
        (metrics): Outcome => ({ accountId: account.id, metrics }),
        (error: unknown): Outcome => {
          const scrapeError = toScrapeError(error);
          return { accountId: account.id, code: scrapeError.code, retryable: scrapeError.retryable };
        },
      ),
    ),
  );

  const now = deps.now();
  const byId = new Map(accounts.map((account) => [account.id, account]));
  const rows: SnapshotRow[] = [];
  const displayNames = new Map<string, string | null>();
  const failures: { accountId: string; code: ScrapeErrorCode }[] = [];
  const retrying: Record<string, number> = {};
  const result: SnapshotAttemptResult = { ...nothing, skipped: input.accountIds.length - accounts.length, scrapeMs };
  for (const outcome of outcomes) {
    if ("metrics" in outcome) {
      const account = byId.get(outcome.accountId);
      if (account) rows.push(toRow({ id: account.id, workspaceId: account.workspace_id }, input.snapshotDate, outcome.metrics, now));
      displayNames.set(outcome.accountId, outcome.metrics.displayName);
    } else if (outcome.retryable && !input.final) {
      result.retry.push(outcome.accountId);
      retrying[outcome.code] = (retrying[outcome.code] ?? 0) + 1;
    } else {
      failures.push(outcome);
      result.errors[outcome.code] = (result.errors[outcome.code] ?? 0) + 1;
    }
  }
  result.succeeded = rows.length;
  result.failed = failures.length;

  await deps.db.transaction(async (tx) => {
    await upsertSnapshots(tx, { rows, oneByOne: deps.oneByOne });
    if (rows.length > 0) {
      // A name the platform reports fills an empty display name (a YouTube channel id gets its title); a typed one is kept.
      const values = sql.join(rows.map((row) => sql`(${row.accountId}::uuid, ${displayNames.get(row.accountId) ?? null}::text)`), sql`, `);
      await tx.execute(sql`
        update accounts a set health_status = 'healthy', last_success_at = ${now.toISOString()}::timestamptz, consecutive_failures = 0,
          display_name = coalesce(a.display_name, v.name), updated_at = now()
        from (values ${values}) as v(id, name) where a.id = v.id`);
    }
    if (failures.length > 0) {
      const values = sql.join(failures.map((failure) => sql`(${failure.accountId}::uuid, ${failure.code}::text)`), sql`, `);
      await tx.execute(sql`
        update accounts a set health_status = 'failing', last_error_code = v.code, last_error_at = ${now.toISOString()}::timestamptz,
          consecutive_failures = a.consecutive_failures + 1, updated_at = now()
        from (values ${values}) as v(id, code) where a.id = v.id`);
    }
    if (input.attempt) await recordRetrying(tx, input.runId, input.attempt, retrying);
    const done = result.succeeded + result.failed + result.skipped;
    if (done > 0) {
      const counters: Record<string, number> = { succeeded: result.succeeded, failed: result.failed, skipped: result.skipped };
      for (const [code, n] of Object.entries(result.errors)) counters[`error:${code}`] = n;
      await addRunProgress(tx, { runId: input.runId, attemptKey: input.attemptKey, done, counters });
    }
  });
  result.durationMs = Date.now() - started;
  return result;
}

/**
 * `job_runs.params.retrying[batchId]`: the codes a batch hands back for another try and which try
 * comes next; the key goes once the batch has nothing left to retry.
 */
async function recordRetrying(tx: Db, runId: string, attempt: NonNullable<SnapshotAttemptInput["attempt"]>, codes: Record<string, number>): Promise<void> {
  if (Object.keys(codes).length > 0) {
    const entry = JSON.stringify({ next: attempt.number + 1, of: attempt.of, codes });
    await tx.execute(sql`
      update job_runs set params = jsonb_set(params, '{retrying}', coalesce(params->'retrying', '{}'::jsonb) || jsonb_build_object(${attempt.batchId}::text, ${entry}::jsonb))
      where id = ${runId}::uuid`);
  } else {
    await tx.execute(sql`update job_runs set params = params #- array['retrying', ${attempt.batchId}::text] where id = ${runId}::uuid and params->'retrying' ? ${attempt.batchId}::text`);
  }
}
