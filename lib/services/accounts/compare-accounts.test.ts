import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAsUser } from "@/lib/db/rls";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";
import { compareAccounts } from "./compare-accounts";

describe.each(ENGINES)("compareAccounts on %s", (engine) => {
  let db: TestDatabase;
  const ws = randomUUID();
  const other = randomUUID();
  const viewer = randomUUID();
  const outsider = randomUUID();
  const ids = { a: randomUUID(), b: randomUUID(), elsewhere: randomUUID() };
  const compare = (user: string, accountIds: string[]) =>
    runAsUser(db.connection, { sub: user }, (tx) => compareAccounts(tx, { workspaceId: ws, input: { accountIds, from: "2026-03-01", to: "2026-03-04" } }));

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    const run = (text: string, params: unknown[] = []) => db.connection.runner.query(text, params);
    await run("insert into auth.users (id, email) values ($1, 'v@x.test'), ($2, 'o@x.test')", [viewer, outsider]);
    await run("insert into workspaces (id, slug, name) values ($1, 'w', 'W'), ($2, 'o', 'O')", [ws, other]);
    await run("insert into workspace_members values ($1, $2, 'viewer'), ($3, $4, 'admin')", [ws, viewer, other, outsider]);
    await run("insert into accounts (id, workspace_id, platform, handle) values ($1, $3, 'x', 'alpha'), ($2, $3, 'bluesky', 'beta'), ($4, $5, 'x', 'gamma')", [ids.a, ids.b, ws, ids.elsewhere, other]);
    await run(
      `insert into account_snapshots (account_id, workspace_id, snapshot_date, followers, approximate, source) values
       ($1, $3, '2026-03-01', 100, false, 'api'), ($1, $3, '2026-03-02', 110, false, 'api'), ($1, $3, '2026-03-04', 130, false, 'api'),
       ($2, $3, '2026-03-02', 2000, true, 'html'), ($2, $3, '2026-03-03', 2100, true, 'html'), ($4, $5, '2026-03-01', 9, false, 'api')`,
      [ids.a, ids.b, ws, ids.elsewhere, other],
    );
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("gives each account's followers per day, with gaps and rounded figures marked", async () => {
    const result = await compare(viewer, [ids.b, ids.a, ids.elsewhere]);
    expect(result.days).toEqual(["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"]);
    expect(result.accounts.map((account) => [account.handle, account.followers, account.approximate])).toEqual([
      ["alpha", [100, 110, null, 130], [false, false, false, false]],
      ["beta", [null, 2000, 2100, null], [false, true, true, false]],
    ]);
  });

  it("shows nothing to another workspace, and refuses more than five accounts", async () => {
    expect((await compare(outsider, [ids.a])).accounts).toEqual([]);
    await expect(compare(viewer, Array.from({ length: 6 }, () => randomUUID()))).rejects.toThrow();
  });
});
