import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSnapshotRun } from "@/lib/services/snapshots/start-snapshot-run";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";

describe.each(ENGINES)("one active snapshot run per workspace on %s", (engine) => {
  let db: TestDatabase;
  const ws = randomUUID();
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await db.connection.runner.query("insert into workspaces (id, slug, name) values ($1, 'w', 'W')", [ws]);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("lets exactly one of two simultaneous starts through and refuses the other as a conflict", async () => {
    const start = () => startSnapshotRun(db.connection.db, { workspaceId: ws, trigger: "manual", now: new Date() });
    const results = await Promise.allSettled([start(), start()]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected");
    expect(refused?.status === "rejected" && refused.reason).toMatchObject({ code: "conflict" });
    const rows = await db.connection.runner.query("select status::text as status from job_runs where workspace_id = $1", [ws]);
    expect(rows).toEqual([{ status: "queued" }]);
  });
});
