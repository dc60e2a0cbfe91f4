import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAsUser } from "@/lib/db/rls";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";
import { getAccountChanges } from "./get-account-changes";

describe.each(ENGINES)("7/30/90-day changes on %s", (engine) => {
  let db: TestDatabase;
  const [ws, other, account, viewer, outsider] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const run = (text: string, params: unknown[] = []) => db.connection.runner.query(text, params);

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await run("insert into auth.users (id, email) values ($1, 'v@x.test'), ($2, 'o@x.test')", [viewer, outsider]);
    await run("insert into workspaces (id, slug, name) values ($1, 'w', 'W'), ($2, 'o', 'O')", [ws, other]);
    await run("insert into workspace_members values ($1, $2, 'viewer'), ($3, $4, 'admin')", [ws, viewer, other, outsider]);
    await run("insert into accounts (id, workspace_id, platform, handle) values ($1, $2, 'x', 'hhsgov')", [account, ws]);
    // The database flags 07-01 as suspect (a dip that recovers), so 07-02 is the latest usable day. Seven
    // days before it, 06-25, has no snapshot: the base is 06-22. Nothing is 90 days old. 07-03 reports no followers.
    const rows: [string, number | null][] = [
      ["2026-05-01", 1000], ["2026-05-31", 1100], ["2026-06-22", 1180], ["2026-06-29", 1195],
      ["2026-06-30", 1200], ["2026-07-01", 12], ["2026-07-02", 1210], ["2026-07-03", null],
    ];
    for (const [day, followers] of rows) {
      await run(
        "insert into account_snapshots (account_id, workspace_id, snapshot_date, followers, following, approximate, source) values ($1, $2, $3, $4, 7, false, 'api')",
        [account, ws, day, followers],
      );
    }
    const flagged = await run("select to_char(snapshot_date, 'YYYY-MM-DD') as day from account_snapshots where suspect_reason is not null");
    expect(flagged).toEqual([{ day: "2026-07-01" }]);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("compares the latest usable snapshot with the last one on or before each window, and names its date", async () => {
    const result = await runAsUser(db.connection, { sub: viewer }, (tx) => getAccountChanges(tx, { workspaceId: ws, accountId: account, metric: "followers" }));
    expect(result).toEqual({
      latestDate: "2026-07-02",
      latest: 1210,
      changes: [
        { days: 7, since: "2026-06-22", change: 30, percent: (30 / 1180) * 100 },
        { days: 30, since: "2026-05-31", change: 110, percent: (110 / 1100) * 100 },
        { days: 90, since: null, change: null, percent: null },
      ],
    });
  });

  it("reads another figure, with no change where it never moved", async () => {
    const result = await runAsUser(db.connection, { sub: viewer }, (tx) => getAccountChanges(tx, { workspaceId: ws, accountId: account, metric: "following" }));
    expect(result.latestDate).toBe("2026-07-03");
    expect(result.changes[0]).toEqual({ days: 7, since: "2026-06-22", change: 0, percent: 0 });
  });

  it("shows another workspace's member nothing", async () => {
    const result = await runAsUser(db.connection, { sub: outsider }, (tx) => getAccountChanges(tx, { workspaceId: ws, accountId: account, metric: "followers" }));
    expect(result).toEqual({ latestDate: null, latest: null, changes: [7, 30, 90].map((days) => ({ days, since: null, change: null, percent: null })) });
  });
});
