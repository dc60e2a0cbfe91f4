import { Counter, Gauge, Registry } from "prom-client";
import type { SummaryCache } from "@/lib/cache/summary-cache";
import type { SystemMetrics } from "@/lib/services/system-health/read-system-metrics";

/**
 * The metrics in Prometheus' text format, a fresh registry per scrape: the figures live in the
 * database, except the summary cache's counts, which are this instance's since it started.
 */
export async function prometheusExposition(
  metrics: SystemMetrics,
  cache?: SummaryCache,
  gate?: { admitted: number; waiting: number; refused: number; cap: number } | null,
): Promise<{ contentType: string; body: string }> {
  const registry = new Registry();
  const gauge = <L extends string>(name: string, help: string, labelNames: L[] = []) => new Gauge({ name, help, labelNames, registers: [registry] });

  const runs = gauge("reach_job_runs_24h", "Runs created in the last 24 hours, by job kind and status.", ["kind", "status"]);
  for (const row of metrics.runs) runs.set({ kind: row.kind, status: row.status }, row.count);
  gauge("reach_job_runs_active", "Runs queued or running now.").set(metrics.activeRuns);
  const accounts = gauge("reach_accounts", "Active tracked accounts: all, stale (no snapshot since yesterday), failing.", ["state"]);
  accounts.set({ state: "active" }, metrics.accounts.active);
  accounts.set({ state: "stale" }, metrics.accounts.stale);
  accounts.set({ state: "failing" }, metrics.accounts.failing);
  gauge("reach_posts_stale", "Posts in their refresh window not scraped for 36 hours.").set(metrics.stalePosts);
  gauge("reach_scrape_batches_24h", "Scrape batches logged in the last 24 hours.").set(metrics.batches.count);
  const duration = gauge("reach_scrape_batch_duration_ms", "Batch duration over the last 24 hours, by quantile.", ["quantile"]);
  if (metrics.batches.p50Ms !== null) duration.set({ quantile: "0.5" }, metrics.batches.p50Ms);
  if (metrics.batches.p95Ms !== null) duration.set({ quantile: "0.95" }, metrics.batches.p95Ms);
  if (metrics.batches.successRate !== null) gauge("reach_scrape_success_ratio_24h", "Mean share of items a batch scraped, last 24 hours.").set(metrics.batches.successRate);
  const errors = gauge("reach_scrape_errors_24h", "Item failures in the last 24 hours' batches, by error code.", ["code"]);
  for (const row of metrics.errors) errors.set({ code: row.code }, row.count);
  gauge("reach_suspect_snapshots", "Snapshots flagged suspect (docs/data-quality.md).").set(metrics.suspectSnapshots);
  gauge("reach_sheet_write_requests_24h", "Google Sheets write requests made by runs in the last 24 hours.").set(metrics.sheetWriteRequests24h);
  if (cache) {
    const lookups = new Counter({ name: "reach_summary_cache_lookups_total", help: "Summary cache lookups on this instance, by summary, result and backend.", labelNames: ["summary", "result", "backend"], registers: [registry] });
    for (const row of cache.counts()) {
      lookups.inc({ summary: row.kind, result: "hit", backend: cache.backend }, row.hits);
      lookups.inc({ summary: row.kind, result: "miss", backend: cache.backend }, row.misses);
      lookups.inc({ summary: row.kind, result: "error", backend: cache.backend }, row.errors);
    }
  }
  if (gate) {
    gauge("reach_http_requests_in_flight", "Requests this instance is working on now (the scrape of this page included).").set(gate.admitted);
    gauge("reach_http_requests_waiting", "Requests waiting for a place under the cap now.").set(gate.waiting);
    gauge("reach_http_concurrency_cap", "MAX_CONCURRENT_REQUESTS in effect on this instance (0: no cap).").set(gate.cap);
    new Counter({ name: "reach_http_requests_refused_total", help: "Requests this instance refused with 503 overloaded since it started.", registers: [registry] }).inc(gate.refused);
  }
  return { contentType: registry.contentType, body: await registry.metrics() };
}
