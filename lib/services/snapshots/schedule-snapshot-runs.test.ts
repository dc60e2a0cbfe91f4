import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgErrorCode } from "@/lib/db/rows";
import { scheduleSnapshotRuns } from "@/lib/services/snapshots/schedule-snapshot-runs";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";

describe.each(ENGINES)("daily snapshot time per workspace on %s", (engine) => {
  let db: TestDatabase;
  const [early, late] = [randomUUID(), randomUUID()];
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await db.connection.runner.query(
      "insert into workspaces (id, slug, name, timezone, snapshot_time) values ($1, 'early', 'Early', 'UTC', null), ($2, 'late', 'Late', 'UTC', '08:30')",
      [early, late],
    );
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("uses the workspace's own time, else the server default", async () => {
    const at = async (iso: string) =>
      (await scheduleSnapshotRuns(db.connection.db, { now: new Date(iso), localTime: "06:00" })).map((run) => run.event.data.workspaceId);
    expect(await at("2030-03-01T05:59:00Z")).toEqual([]);
    expect(await at("2030-03-01T06:00:00Z")).toEqual([early]);
    // The run got going, so later ticks neither repeat it nor send it again.
    await db.connection.runner.query("update job_runs set status = 'running' where workspace_id = $1", [early]);
    expect(await at("2030-03-01T08:29:00Z")).toEqual([]);
    expect(await at("2030-03-01T08:30:00Z")).toEqual([late]);
  });

  it("refuses a time that is not HH:MM", async () => {
    const error = await db.connection.runner
      .query("update workspaces set snapshot_time = '25:00' where id = $1", [early])
      .then(() => null, (caught: unknown) => caught);
    expect(pgErrorCode(error)).toBe("23514");
  });
});
