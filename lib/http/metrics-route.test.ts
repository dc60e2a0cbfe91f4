import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cachedSummary } from "@/lib/cache/process-summary-cache";
import { provideConnectionForTests } from "@/lib/db/process-connection";
import { getOverview } from "@/lib/services/overview/get-overview";
import { upsertSnapshots } from "@/lib/services/snapshots/upsert-snapshots";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";
import { trackInFlightRequests } from "./in-flight";
import { metricsRoute } from "./metrics-route";

const TOKEN = "metrics-token-0123456789abcdef";
const get = (headers: Record<string, string> = {}) => new Request("http://reach.test/api/metrics", { headers });

describe.each(ENGINES)("GET /api/metrics on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    provideConnectionForTests(db.connection);
    const run = (text: string, params: unknown[] = []) => db.connection.runner.query(text, params);
    const ws = randomUUID();
    await run("insert into workspaces (id, slug, name) values ($1, 'ops', 'Ops')", [ws]);
    const [fresh] = await run("insert into accounts (workspace_id, platform, handle) values ($1, 'bluesky', 'fresh.bsky.social') returning id", [ws]);
    await run("insert into accounts (workspace_id, platform, handle, health_status) values ($1, 'bluesky', 'broken.bsky.social', 'failing')", [ws]);
    const today = new Date().toISOString().slice(0, 10);
    const day = (back: number) => new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10);
    // Yesterday's 300 between 1,000s would be a real crash if it were not flagged.
    await upsertSnapshots(db.connection.db, {
      rows: [day(3), day(2), day(1), today].map((date, index) => ({ accountId: String(fresh!.id), workspaceId: ws, snapshotDate: date, followers: [1000, 1010, 300, 1020][index]!, source: "api" as const })),
    });
    const runId = randomUUID();
    await run("insert into job_runs (id, workspace_id, kind, status, trigger, counters) values ($1, $2, 'posts.pipeline', 'partial', 'manual', '{\"sheetWriteRequests\": 3}'), ($3, $2, 'accounts.snapshot', 'running', 'cron', '{}')", [runId, ws, randomUUID()]);
    await run(
      "insert into scraping_logs (workspace_id, job_run_id, batch_id, duration_ms, urls_processed, success_rate, errors) values ($1, $2, 'b001', 1000, 10, 0.8, '{\"private\": 1, \"network\": 1}'), ($1, $2, 'b002', 3000, 10, 1, '{}')",
      [ws, runId],
    );
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("does not exist without METRICS_TOKEN", async () => {
    expect((await metricsRoute(undefined)(get({ authorization: `Bearer ${TOKEN}` }))).status).toBe(404);
  });

  it("answers 401 with WWW-Authenticate to a missing, wrong or prefixed token", async () => {
    for (const authorization of [undefined, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, TOKEN, `Basic ${TOKEN}`]) {
      const response = await metricsRoute(TOKEN)(get(authorization ? { authorization } : {}));
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
    }
  });

  it("serves the figures in Prometheus' text format", async () => {
    const response = await metricsRoute(TOKEN)(get({ authorization: `Bearer ${TOKEN}` }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const line of [
      'reach_job_runs_24h{kind="posts.pipeline",status="partial"} 1',
      'reach_job_runs_24h{kind="accounts.snapshot",status="running"} 1',
      "reach_job_runs_active 1",
      'reach_accounts{state="active"} 2',
      'reach_accounts{state="stale"} 1',
      'reach_accounts{state="failing"} 1',
      "reach_scrape_batches_24h 2",
      'reach_scrape_batch_duration_ms{quantile="0.5"} 2000',
      "reach_scrape_success_ratio_24h 0.9",
      'reach_scrape_errors_24h{code="private"} 1',
      'reach_scrape_errors_24h{code="network"} 1',
      "reach_suspect_snapshots 1",
      "reach_sheet_write_requests_24h 3",
    ]) {
      expect(text.split("\n"), line).toContain(line);
    }
    expect(text).toContain("# HELP reach_posts_stale");
  });

  it("counts this instance's summary cache hits and misses", async () => {
    const [ws] = await db.connection.runner.query<{ id: string }>("select id from workspaces where slug = 'ops'");
    const spec = { workspace: { id: ws!.id, role: "viewer" as const }, kind: "overview" as const, query: {} };
    const lookups = async () => {
      const text = await (await metricsRoute(TOKEN)(get({ authorization: `Bearer ${TOKEN}` }))).text();
      const count = (result: string) => Number(new RegExp(`^reach_summary_cache_lookups_total\\{summary="overview",result="${result}",backend="memory"\\} (\\d+)$`, "m").exec(text)?.[1]);
      return { hit: count("hit"), miss: count("miss") };
    };
    const before = await lookups();
    await cachedSummary(db.connection.db, spec, () => getOverview(db.connection.db, { workspace: { id: ws!.id, timezone: "UTC" }, now: new Date() }));
    await cachedSummary(db.connection.db, spec, () => getOverview(db.connection.db, { workspace: { id: ws!.id, timezone: "UTC" }, now: new Date() }));
    expect(await lookups()).toEqual({ hit: before.hit + 1, miss: before.miss + 1 });
  });

  it("reports the concurrency gate's cap, work in flight and refusals when the gate is installed, and nothing of it otherwise", async () => {
    const scrape = async () => (await (await metricsRoute(TOKEN)(get({ authorization: `Bearer ${TOKEN}` }))).text()).split("\n");
    expect((await scrape()).filter((line) => line.startsWith("reach_http_"))).toEqual([]);
    const untrack = trackInFlightRequests(7);
    try {
      expect(await scrape()).toEqual(expect.arrayContaining(["reach_http_concurrency_cap 7", "reach_http_requests_in_flight 0", "reach_http_requests_waiting 0", "reach_http_requests_refused_total 0"]));
    } finally {
      untrack();
    }
  });
});
