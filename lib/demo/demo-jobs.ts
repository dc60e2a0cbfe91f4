import { addDays } from "@/lib/domain/calendar";
import { PLATFORMS, type Platform } from "@/lib/domain/platforms";
import { demoUuid, type Random } from "./random";

export interface JobPlan {
  workspaceId: string;
  today: string;
  now: Date;
  adminId: string | null;
  activeAccounts: number;
  failingAccounts: number;
  posts: number;
  slides: number;
}

export interface JobRunRow {
  id: string;
  workspace_id: string;
  kind: string;
  status: "succeeded" | "partial" | "failed";
  trigger: "cron" | "manual" | "event";
  progress_done: number;
  progress_total: number;
  counters: Record<string, number>;
  params: Record<string, unknown>;
  error: string | null;
  engine_run_id: string;
  triggered_by: string | null;
  created_at: string;
  started_at: string;
  finished_at: string;
}

export interface ScrapingLogRow {
  workspace_id: string;
  job_run_id: string;
  batch_id: string;
  duration_ms: number;
  urls_processed: number;
  success_rate: number;
  errors: Record<string, number>;
  platform: Platform;
  scrape_ms: number[];
  created_at: string;
}

const BATCH_SIZE = 50;

/** A batch's time shared among its scrapes, unevenly but without drawing from the seed's random stream. */
function spreadScrapeTimes(durationMs: number, urls: number): number[] {
  const mean = durationMs / urls;
  return Array.from({ length: urls }, (_, i) => Math.round(mean * (0.4 + ((i * 37) % 100) / 80)));
}

/** Finished runs of the two job kinds (one day's post run rate-limited) and the batch logs they wrote. */
export function generateJobs(rng: Random, plan: JobPlan): { runs: JobRunRow[]; logs: ScrapingLogRow[] } {
  const runs: JobRunRow[] = [];
  const logs: ScrapingLogRow[] = [];
  const latest = plan.now.getTime() - 60_000;

  function add(kind: string, daysAgo: number, minute: number, run: Partial<JobRunRow> & { total: number; failed?: number }) {
    const startMs = Date.parse(`${addDays(plan.today, -daysAgo)}T05:00:00Z`) + minute * 60_000;
    if (startMs >= latest) return;
    const id = demoUuid(plan.workspaceId, "job", kind, daysAgo);
    const batches = Math.max(1, Math.ceil(run.total / BATCH_SIZE));
    const failedBatches = (run.counters?.["error:rate_limited"] ?? 0) > 0 ? Math.min(3, batches) : 0;
    let clock = startMs + rng.int(200, 900);
    for (let batch = 0; batch < batches; batch++) {
      const urls = Math.min(BATCH_SIZE, run.total - batch * BATCH_SIZE);
      const failingBatch = batch >= batches - failedBatches;
      const errors: Record<string, number> = failingBatch ? { rate_limited: urls } : (run.failed ?? 0) > 0 && batch === 0 ? { not_found: run.failed ?? 0 } : {};
      const failures = Object.values(errors).reduce((sum, n) => sum + n, 0);
      const duration = rng.int(urls * 400, urls * 1600);
      clock += duration;
      logs.push({
        workspace_id: plan.workspaceId,
        job_run_id: id,
        batch_id: `b${String(batch + 1).padStart(3, "0")}`,
        duration_ms: duration,
        urls_processed: urls,
        success_rate: Math.round(((urls - Math.min(urls, failures)) / urls) * 1000) / 1000,
        errors,
        platform: kind === "accounts.snapshot" ? PLATFORMS[batch % PLATFORMS.length]! : "tiktok",
        scrape_ms: spreadScrapeTimes(duration, urls),
        created_at: new Date(Math.min(clock, latest)).toISOString(),
      });
    }
    const finishMs = Math.min(clock + rng.int(100, 500), latest);
    runs.push({
      id,
      workspace_id: plan.workspaceId,
      kind,
      status: run.status ?? "succeeded",
      trigger: run.trigger ?? "cron",
      progress_done: run.total,
      progress_total: run.total,
      counters: run.counters ?? {},
      params: run.params ?? {},
      error: run.error ?? null,
      engine_run_id: `local-${id.slice(0, 8)}`,
      triggered_by: run.trigger === "manual" ? plan.adminId : null,
      created_at: new Date(startMs).toISOString(),
      started_at: new Date(startMs + rng.int(50, 400)).toISOString(),
      finished_at: new Date(finishMs).toISOString(),
    });
  }

  const succeeded = plan.activeAccounts - plan.failingAccounts;
  for (let daysAgo = 4; daysAgo >= 0; daysAgo--) {
    add("accounts.snapshot", daysAgo, 0, {
      total: plan.activeAccounts,
      failed: plan.failingAccounts,
      status: plan.failingAccounts > 0 ? "partial" : "succeeded",
      counters: { succeeded, failed: plan.failingAccounts, skipped: 0, ...(plan.failingAccounts > 0 && { "error:not_found": plan.failingAccounts }) },
      error: plan.failingAccounts > 0 ? `${plan.failingAccounts} account(s) failed; see the error counts` : null,
    });
  }
  // The daily refresh of the posts the demo holds; the demo has no connected sheet, so nothing is read or written back.
  const failedPosts = Math.round(plan.posts * 0.03);
  for (let daysAgo = 3; daysAgo >= 0; daysAgo--) {
    const limited = daysAgo === 2;
    const failed = limited ? Math.min(plan.posts, 3 * BATCH_SIZE) : failedPosts;
    add("posts.pipeline", daysAgo, 30, {
      total: plan.posts,
      status: failed === 0 ? "succeeded" : failed >= plan.posts ? "failed" : "partial",
      failed: limited ? 0 : failedPosts,
      counters: {
        succeeded: plan.posts - failed,
        failed,
        skipped: 0,
        slidesStored: limited ? 0 : rng.int(0, 12),
        slidesFailed: 0,
        slideBytes: 0,
        rowsRead: 0,
        rowsReady: 0,
        sheetWriteRequests: 0,
        ...(limited ? { "error:rate_limited": failed } : { "error:not_found": failedPosts }),
      },
      error: failed > 0 ? `${failed} post(s) failed; see the error counts` : null,
    });
  }
  return { runs, logs };
}
