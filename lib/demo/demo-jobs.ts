import { addDays } from "./calendar";
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
  status: "succeeded" | "failed";
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
  created_at: string;
}

const BATCH_SIZE = 50;

/** Finished runs of the daily pipelines (one of them failed) and the batch logs they wrote. */
export function generateJobs(rng: Random, plan: JobPlan): { runs: JobRunRow[]; logs: ScrapingLogRow[] } {
  const runs: JobRunRow[] = [];
  const logs: ScrapingLogRow[] = [];
  const latest = plan.now.getTime() - 60_000;

  function add(kind: string, daysAgo: number, minute: number, run: Partial<JobRunRow> & { total: number; failed?: number }) {
    const startMs = Date.parse(`${addDays(plan.today, -daysAgo)}T05:00:00Z`) + minute * 60_000;
    if (startMs >= latest) return;
    const id = demoUuid(plan.workspaceId, "job", kind, daysAgo);
    const batches = Math.max(1, Math.ceil(run.total / BATCH_SIZE));
    const failedBatches = run.status === "failed" ? Math.min(3, batches) : 0;
    let clock = startMs + rng.int(200, 900);
    let done = 0;
    for (let batch = 0; batch < batches; batch++) {
      const urls = Math.min(BATCH_SIZE, run.total - batch * BATCH_SIZE);
      const failingBatch = batch >= batches - failedBatches;
      const errors: Record<string, number> = failingBatch ? { rate_limited: urls } : (run.failed ?? 0) > 0 && batch === 0 ? { not_found: run.failed ?? 0 } : {};
      const failures = Object.values(errors).reduce((sum, n) => sum + n, 0);
      const duration = rng.int(urls * 400, urls * 1600);
      clock += duration;
      done += failingBatch ? 0 : urls;
      if (kind === "accounts.snapshot" || kind === "posts.scrape") {
        logs.push({
          workspace_id: plan.workspaceId,
          job_run_id: id,
          batch_id: `b${String(batch + 1).padStart(3, "0")}`,
          duration_ms: duration,
          urls_processed: urls,
          success_rate: Math.round(((urls - Math.min(urls, failures)) / urls) * 1000) / 1000,
          errors,
          created_at: new Date(Math.min(clock, latest)).toISOString(),
        });
      }
    }
    const finishMs = Math.min(clock + rng.int(100, 500), latest);
    runs.push({
      id,
      workspace_id: plan.workspaceId,
      kind,
      status: run.status ?? "succeeded",
      trigger: run.trigger ?? "cron",
      progress_done: run.status === "failed" ? done : run.total,
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
      counters: { accounts: plan.activeAccounts, succeeded, failed: plan.failingAccounts, snapshots: succeeded },
    });
  }
  const scraped = Math.round(plan.posts * 0.93);
  for (let daysAgo = 3; daysAgo >= 0; daysAgo--) {
    const failed = daysAgo === 2;
    add("posts.scrape", daysAgo, 30, {
      total: plan.posts,
      status: failed ? "failed" : "succeeded",
      failed: failed ? 0 : Math.round(plan.posts * 0.03),
      counters: failed
        ? { posts: plan.posts, scraped: Math.max(0, plan.posts - 3 * BATCH_SIZE), failed: Math.min(plan.posts, 3 * BATCH_SIZE) }
        : { posts: plan.posts, scraped, failed: Math.round(plan.posts * 0.03), skipped: plan.posts - scraped - Math.round(plan.posts * 0.03) },
      error: failed ? "TikTok rate-limited every proxy for 3 batches in a row; the run stopped and will resume next time." : null,
    });
  }
  add("sheets.sync", 1, 9 * 60 + 12, {
    total: plan.posts,
    trigger: "manual",
    counters: { rows: plan.posts, added: rng.int(3, 12), updated: rng.int(10, 40) },
    params: { tab: "Posts" },
  });
  add("slides.download", 1, 9 * 60 + 20, {
    total: plan.slides,
    trigger: "event",
    counters: { slides: plan.slides, downloaded: rng.int(5, 30) },
  });
  return { runs, logs };
}
