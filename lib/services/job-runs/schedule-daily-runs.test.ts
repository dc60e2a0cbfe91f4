import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgErrorCode } from "@/lib/db/rows";
import { DAILY_POST_RUNS } from "@/lib/services/posts/schedule-post-runs";
import { DAILY_SNAPSHOT_RUNS } from "@/lib/services/snapshots/schedule-snapshot-runs";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";
import { scheduleDailyRuns, type DailyRunKind } from "./schedule-daily-runs";

describe.each(ENGINES)("daily runs at each workspace's own time on %s", (engine) => {
  let db: TestDatabase;
  const [early, late, quiet] = [randomUUID(), randomUUID(), randomUUID()];
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await db.connection.runner.query(
      "insert into workspaces (id, slug, name, timezone, snapshot_time) values ($1, 'early', 'Early', 'UTC', null), ($2, 'late', 'Late', 'America/New_York', '03:30'), ($3, 'quiet', 'Quiet', 'UTC', null)",
      [early, late, quiet],
    );
    // Only early and late have TikTok posts to refresh; every workspace has accounts to snapshot.
    await db.connection.runner.query(
      "insert into tiktok_posts (workspace_id, post_id, url) values ($1, '7300000000000000001', 'https://www.tiktok.com/@a/video/7300000000000000001'), ($2, '7300000000000000002', 'https://www.tiktok.com/@a/video/7300000000000000002')",
      [early, late],
    );
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function startsOncePerLocalDay<Started extends { event: { data: { workspaceId: string } } }>(kind: DailyRunKind<Started>, dueAtSix: string[]) {
    const at = async (iso: string) => (await scheduleDailyRuns(db.connection.db, kind, { now: new Date(iso), localTime: "06:00" })).map((run) => run.event.data.workspaceId).sort();
    expect(await at("2030-03-01T05:59:00Z")).toEqual([]);
    expect(await at("2030-03-01T06:00:00Z")).toEqual([...dueAtSix].sort());
    // The runs got going, so later ticks neither repeat them nor send them again.
    await db.connection.runner.query("update job_runs set status = 'running' where kind = $1", [kind.kind]);
    // 03:30 in New York on 1 March is 08:30 UTC.
    expect(await at("2030-03-01T08:29:00Z")).toEqual([]);
    expect(await at("2030-03-01T08:30:00Z")).toEqual([late]);
    const rows = await db.connection.runner.query<{ day: string }>("select params->>$2 as day from job_runs where kind = $1 and workspace_id = $3", [kind.kind, kind.dayParam, late]);
    expect(rows).toEqual([{ day: "2030-03-01" }]);
    await db.connection.runner.query("update job_runs set status = 'succeeded' where kind = $1", [kind.kind]);
  }

  it("starts each workspace's snapshot run once per local day, after its own time or the server default", async () => {
    await startsOncePerLocalDay(DAILY_SNAPSHOT_RUNS, [early, quiet]);
  });

  it("starts the daily post refresh only where there are posts", async () => {
    await startsOncePerLocalDay(DAILY_POST_RUNS, [early]);
  });

  it("sends a run again that stayed queued for ten minutes, since its start event may be lost", async () => {
    const at = (iso: string) => scheduleDailyRuns(db.connection.db, DAILY_POST_RUNS, { now: new Date(iso), localTime: "06:00" });
    const [first] = await at("2030-03-02T06:00:00Z");
    expect(first?.event.data.workspaceId).toBe(early);
    expect(await at("2030-03-02T06:09:00Z")).toEqual([]);
    const again = (await at("2030-03-02T06:10:00Z")).find((run) => run.event.data.workspaceId === early);
    expect(again).toEqual({ runId: first!.runId, statsDate: "2030-03-02", event: { name: "posts.requested", data: { workspaceId: early, runId: first!.runId } } });
    await db.connection.runner.query("update job_runs set status = 'succeeded' where kind = $1", [DAILY_POST_RUNS.kind]);
  });

  it("refuses a time that is not HH:MM", async () => {
    const error = await db.connection.runner
      .query("update workspaces set snapshot_time = '25:00' where id = $1", [early])
      .then(() => null, (caught: unknown) => caught);
    expect(pgErrorCode(error)).toBe("23514");
  });
});
