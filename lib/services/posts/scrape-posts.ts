import { sql } from "drizzle-orm";
import { timeScrape } from "@/lib/scrapers/time-scrape";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { lockWorkspaceRollups } from "@/lib/db/workspace-rollup-lock";
import type { ScraperContext } from "@/lib/scrapers/context";
import { toScrapeError, type ScrapeError, type ScrapeErrorCode } from "@/lib/scrapers/errors";
import { scrapeTiktokPost } from "@/lib/scrapers/platforms/tiktok/post";
import type { PostMetrics } from "@/lib/scrapers/types";
import { addRunProgress } from "@/lib/services/job-runs/add-run-progress";
import { isRunRunning } from "@/lib/services/job-runs/is-run-running";
import { recordRunRetrying, type BatchAttempt } from "@/lib/services/job-runs/record-run-retrying";
import { failureReason } from "./failure-reason";
import { recordScrapedPost } from "./record-scraped-post";

export interface ScrapePostsInput {
  runId: string;
  workspaceId: string;
  statsDate: string;
  postIds: string[];
  /** On the last attempt retryable errors count as failures instead of going back for another try. */
  final: boolean;
  /** Unique per batch attempt: progress counts it once even if the engine runs the step again. */
  attemptKey: string;
  /** Which try of the batch's scrape stage this is, recorded on the run while posts wait for another. */
  attempt?: BatchAttempt;
}

/** JSON-safe, so it can be a memoized step's output. */
export interface ScrapePostsResult {
  cancelled: boolean;
  succeeded: number;
  failed: number;
  skipped: number;
  errors: Partial<Record<ScrapeErrorCode, number>>;
  /** Posts that failed with a retryable error, for the next attempt. */
  retry: string[];
  durationMs: number;
  /** Each post page's scrape time, retried ones included. */
  scrapeMs: number[];
}

export interface ScrapePostsDeps {
  db: Db;
  scraper: ScraperContext;
  now: () => Date;
}

type Outcome = { id: string; metrics: PostMetrics } | { id: string; error: ScrapeError };

/**
 * One attempt at a batch's scrape stage: every post still without today's stats row is loaded
 * with the TikTok post client (short links followed); in one transaction the results are stored
 * and counted in the run's progress. Permanent errors are final at once; retryable ones go back.
 */
export async function scrapePosts(deps: ScrapePostsDeps, input: ScrapePostsInput): Promise<ScrapePostsResult> {
  const started = Date.now();
  const result: ScrapePostsResult = { cancelled: false, succeeded: 0, failed: 0, skipped: 0, errors: {}, retry: [], durationMs: 0, scrapeMs: [] };
  if (!(await isRunRunning(deps.db, input.runId))) return { ...result, cancelled: true };
  const ids = sql`(select jsonb_array_elements_text(${JSON.stringify(input.postIds)}::jsonb)::uuid)`;
  const posts = rowsOf<{ id: string; url: string }>(
    await deps.db.execute(sql`
      select p.id, p.url from tiktok_posts p
      where p.id in ${ids} and p.workspace_id = ${input.workspaceId}
        and not exists (select 1 from tiktok_post_stats t where t.post_id = p.id and t.date = ${input.statsDate}::date)`),
  );
  result.skipped = input.postIds.length - posts.length;
  const outcomes = await Promise.all(
    posts.map((post) =>
      timeScrape(result.scrapeMs, () => scrapeTiktokPost(post.url, deps.scraper)).then(
        (metrics): Outcome => ({ id: post.id, metrics }),
        (error: unknown): Outcome => ({ id: post.id, error: toScrapeError(error) }),
      ),
    ),
  );

  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    // Before the first row: a workspace's deletion or timezone change takes this lock, then its row.
    await lockWorkspaceRollups(tx, input.workspaceId);
    let slides = 0;
    const retrying: Record<string, number> = {};
    for (const outcome of outcomes) {
      if ("metrics" in outcome) {
        await recordScrapedPost(tx, { id: outcome.id, workspaceId: input.workspaceId }, outcome.metrics, { statsDate: input.statsDate, now });
        result.succeeded++;
        slides += outcome.metrics.slides.length;
        continue;
      }
      const { error } = outcome;
      if (error.retryable && !input.final) {
        result.retry.push(outcome.id);
        retrying[error.code] = (retrying[error.code] ?? 0) + 1;
        await tx.execute(sql`update tiktok_posts set attempts = attempts + 1, updated_at = ${now.toISOString()}::timestamptz where id = ${outcome.id}`);
        continue;
      }
      result.failed++;
      result.errors[error.code] = (result.errors[error.code] ?? 0) + 1;
      await tx.execute(sql`
        update tiktok_posts set status = 'failed', last_error_code = ${error.code}, last_error = ${failureReason(error)},
          last_error_at = ${now.toISOString()}::timestamptz, attempts = attempts + 1, consecutive_failures = consecutive_failures + 1,
          updated_at = ${now.toISOString()}::timestamptz
        where id = ${outcome.id}`);
    }
    if (input.attempt) await recordRunRetrying(tx, input.runId, input.attempt, retrying);
    const done = result.succeeded + result.failed + result.skipped;
    const counters: Record<string, number> = { succeeded: result.succeeded, failed: result.failed, skipped: result.skipped, slidesTotal: slides };
    for (const [code, n] of Object.entries(result.errors)) counters[`error:${code}`] = n;
    if (done > 0 || slides > 0) await addRunProgress(tx, { runId: input.runId, attemptKey: input.attemptKey, done, counters });
  });
  result.durationMs = Date.now() - started;
  return result;
}
