import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJobDefinitions } from "@/lib/jobs/definitions";
import { KNOWN_POSTS_ONLY } from "@/lib/services/posts/pipeline-stages";
import { PRUNE_RECORDS_CRON } from "@/lib/jobs/definitions/prune-records";
import { parseEnv } from "@/lib/env";
import { pruneOldRecords } from "@/lib/services/retention/prune-old-records";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";

describe.each(ENGINES)("retention pruning on %s", (engine) => {
  let db: TestDatabase;
  const ws = randomUUID();
  const runId = randomUUID();
  const now = new Date("2030-06-01T03:17:00Z");
  const run = (text: string, params: unknown[] = []) => db.connection.runner.query(text, params);
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await run("insert into workspaces (id, slug, name) values ($1, 'w', 'W')", [ws]);
    await run("insert into job_runs (id, workspace_id, kind, trigger) values ($1, $2, 'snapshots', 'cron')", [runId, ws]);
    for (const [batch, age] of [["old", 91], ["edge", 89], ["new", 1]] as const) {
      await run("insert into scraping_logs (workspace_id, job_run_id, batch_id, duration_ms, urls_processed, created_at) values ($1, $2, $3, 1, 1, $4)", [ws, runId, batch, daysAgo(age)]);
    }
    for (const [action, age] of [["old", 400], ["recent", 30]] as const) {
      await run("insert into audit_log (workspace_id, action, entity, at) values ($1, $2, 'test', $3)", [ws, action, daysAgo(age)]);
    }
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("deletes only what is older than each period, and nothing when a period is off", async () => {
    expect(await pruneOldRecords(db.connection.db, { scrapingLogDays: null, auditLogDays: null, now })).toEqual({ scrapingLogs: 0, auditLog: 0 });
    expect(await pruneOldRecords(db.connection.db, { scrapingLogDays: 90, auditLogDays: 365, now })).toEqual({ scrapingLogs: 1, auditLog: 1 });
    expect((await run("select batch_id from scraping_logs order by batch_id")).map((row) => (row as { batch_id: string }).batch_id)).toEqual(["edge", "new"]);
    expect((await run("select action from audit_log")).map((row) => (row as { action: string }).action)).toEqual(["recent"]);
  });

  it("is scheduled daily when retention is configured, with periods from the environment", () => {
    const unused = () => {
      throw new Error("unused");
    };
    const deps = { withDb: async () => unused(), scraper: unused, storage: unused, postStages: KNOWN_POSTS_ONLY, now: () => now, snapshotLocalTime: null, retryBackoffMs: () => 0 };
    const ids = (retention?: { scrapingLogDays: number | null; auditLogDays: number | null }) => createJobDefinitions({ ...deps, retention }).map((definition) => definition.id);
    expect(ids({ scrapingLogDays: 90, auditLogDays: 365 })).toContain("prune-records");
    expect(ids()).not.toContain("prune-records");
    expect(createJobDefinitions({ ...deps, retention: { scrapingLogDays: 1, auditLogDays: 1 } }).find((d) => d.id === "prune-records")?.trigger).toEqual({ cron: PRUNE_RECORDS_CRON });
    expect(parseEnv({})).toMatchObject({ SCRAPING_LOG_RETENTION_DAYS: 90, AUDIT_LOG_RETENTION_DAYS: 365 });
    expect(parseEnv({ SCRAPING_LOG_RETENTION_DAYS: "off", AUDIT_LOG_RETENTION_DAYS: "30" })).toMatchObject({ SCRAPING_LOG_RETENTION_DAYS: null, AUDIT_LOG_RETENTION_DAYS: 30 });
    expect(() => parseEnv({ AUDIT_LOG_RETENTION_DAYS: "forever" })).toThrowError(/AUDIT_LOG_RETENTION_DAYS/);
  });
});
