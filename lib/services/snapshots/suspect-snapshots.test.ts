import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";
import { upsertSnapshots } from "./upsert-snapshots";

const day = (offset: number) => new Date(Date.UTC(2030, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

describe.each(ENGINES)("suspect snapshots on %s", (engine) => {
  let db: TestDatabase;
  let workspaceId: string;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    workspaceId = randomUUID();
    await db.connection.runner.query("insert into workspaces (id, slug, name) values ($1, 'quality', 'Quality')", [workspaceId]);
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function account(handle: string) {
    const [row] = await db.connection.runner.query<{ id: string }>("insert into accounts (workspace_id, platform, handle) values ($1, 'bluesky', $2) returning id::text as id", [workspaceId, handle]);
    return row!.id;
  }
  const write = (accountId: string, followers: (number | null)[], from = 0) =>
    upsertSnapshots(db.connection.db, { rows: followers.map((value, index) => ({ accountId, workspaceId, snapshotDate: day(from + index), followers: value, source: "api" as const })) });
  const flags = async (accountId: string) =>
    Object.fromEntries(
      (await db.connection.runner.query<{ d: string; reason: string | null }>("select snapshot_date::text as d, suspect_reason as reason from account_snapshots where account_id = $1 order by 1", [accountId]))
        .filter((row) => row.reason)
        .map((row) => [row.d, row.reason]),
    );
  const latest = async (accountId: string) =>
    (await db.connection.runner.query<{ date: string; followers: string | null; change: string | null }>(
      "select latest_snapshot_date::text as date, latest_followers::text as followers, followers_change_7d::text as change from accounts where id = $1",
      [accountId],
    ))[0];

  it("flags a fall of more than half once the next day recovers, keeps it, and leaves it out of growth", async () => {
    const id = await account("dip.bsky.social");
    await write(id, [1000, 1005, 1010, 1015, 1020, 1025, 1030, 400]);
    // Not yet: the drop may be real until the next day says otherwise.
    expect(await flags(id)).toEqual({});
    expect(await latest(id)).toEqual({ date: day(7), followers: "400", change: "-600" });
    await write(id, [1040], 8);
    expect(await flags(id)).toEqual({ [day(7)]: "dip_recovered" });
    expect(await latest(id)).toEqual({ date: day(8), followers: "1040", change: "35" });
    const [{ n }] = (await db.connection.runner.query<{ n: string }>("select count(*)::text as n from account_snapshots where account_id = $1", [id])) as [{ n: string }];
    expect(n).toBe("9");
  });

  it("flags a doubling that reverts the next day, but not a drop that lasts or a gap in reporting", async () => {
    const spike = await account("spike.bsky.social");
    await write(spike, [500, 510, 5000, 520]);
    expect(await flags(spike)).toEqual({ [day(2)]: "spike_reverted" });

    const lasting = await account("lasting.bsky.social");
    await write(lasting, [1000, 1000, 300, 310, 320]);
    expect(await flags(lasting)).toEqual({});

    const gaps = await account("gaps.bsky.social");
    await write(gaps, [1000, null, 1010, null, 1020]);
    expect(await flags(gaps)).toEqual({});
  });

  it("flags an exact zero after a month above 10,000, and the latest figure stays the last good one", async () => {
    const id = await account("zero.bsky.social");
    await write(id, Array.from({ length: 35 }, (_, index) => 20_000 + index * 10));
    await write(id, [0], 35);
    expect(await flags(id)).toEqual({ [day(35)]: "zero_after_large" });
    expect(await latest(id)).toEqual({ date: day(35), followers: "20340", change: "70" });
    // A new account's zero is not suspect: there is no history to contradict it.
    const fresh = await account("fresh.bsky.social");
    await write(fresh, [0, 0, 3]);
    expect(await flags(fresh)).toEqual({});
  });

  it("clears a flag when a correction to the day makes it plausible", async () => {
    const id = await account("corrected.bsky.social");
    await write(id, [800, 810, 100, 820]);
    expect(await flags(id)).toEqual({ [day(2)]: "dip_recovered" });
    await write(id, [815], 2);
    expect(await flags(id)).toEqual({});
  });
});
