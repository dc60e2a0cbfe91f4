import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";

describe.each(ENGINES)("accounts.latest_* maintained by triggers on %s", (engine) => {
  let db: TestDatabase;
  const ws = "00000000-0000-4000-8000-0000000000a1";
  const account = "00000000-0000-4000-8000-0000000000c1";
  const gappy = "00000000-0000-4000-8000-0000000000c2";
  const run = <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => db.connection.runner.query<T>(text, params);
  const latest = async (id = account) =>
    (
      await run<Record<string, unknown>>(
        `select to_char(latest_snapshot_date, 'YYYY-MM-DD') as date, latest_followers::int as followers,
                latest_approximate as approximate, followers_change_7d::int as d7, followers_change_30d::int as d30
         from accounts where id = $1`,
        [id],
      )
    )[0];

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await run("insert into workspaces (id, slug, name) values ($1, 'w', 'W')", [ws]);
    await run("insert into accounts (id, workspace_id, platform, handle) values ($1, $3, 'x', 'a'), ($2, $3, 'x', 'b')", [account, gappy, ws]);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("starts empty, then follows inserts, upserts and deletes", async () => {
    expect(await latest()).toEqual({ date: null, followers: null, approximate: null, d7: null, d30: null });

    await run(
      `insert into account_snapshots (account_id, workspace_id, snapshot_date, followers, source)
       select $1, $2, date '2026-03-01' + d, 100 + d, 'api' from generate_series(0, 40) d`,
      [account, ws],
    );
    expect(await latest()).toEqual({ date: "2026-04-10", followers: 140, approximate: false, d7: 7, d30: 30 });

    await run(
      `insert into account_snapshots (account_id, workspace_id, snapshot_date, followers, approximate, source)
       values ($1, $2, '2026-04-10', 1200, true, 'html')
       on conflict (account_id, snapshot_date) do update set followers = excluded.followers, approximate = excluded.approximate`,
      [account, ws],
    );
    expect(await latest()).toEqual({ date: "2026-04-10", followers: 1200, approximate: true, d7: 1067, d30: 1090 });

    await run("delete from account_snapshots where account_id = $1 and snapshot_date = '2026-04-10'", [account]);
    expect(await latest()).toMatchObject({ date: "2026-04-09", followers: 139, d7: 7 });
  });

  it("leaves the change unknown when the week-old snapshot is missing", async () => {
    await run(
      `insert into account_snapshots (account_id, workspace_id, snapshot_date, followers, source)
       select $1, $2, date '2026-03-01' + d, 100 + d, 'api' from generate_series(0, 39) d`,
      [gappy, ws],
    );
    await run("delete from account_snapshots where account_id = $1 and snapshot_date between '2026-03-29' and '2026-04-02'", [gappy]);
    expect(await latest(gappy)).toMatchObject({ date: "2026-04-09", followers: 139, d7: null, d30: 30 });
  });
});
