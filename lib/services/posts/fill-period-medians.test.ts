import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from "vitest";
import type { Db, Tx } from "@/lib/db/client";
import { runAsUser } from "@/lib/db/rls";
import { pgErrorCode, rowsOf } from "@/lib/db/rows";
import { periodEnding } from "@/lib/domain/calendar";
import { LEADERBOARD_GROUPS, LEADERBOARD_PERIODS } from "@/lib/domain/leaderboards";
import { createJobDefinitions } from "@/lib/jobs/definitions";
import type { JobDeps } from "@/lib/jobs/job-deps";
import { createLocalRunner } from "@/lib/jobs/local-runner";
import { untilWaitingOnLock } from "@/tests/lock-wait";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";
import { fillPeriodMedians } from "./fill-period-medians";
import { getPostTrends } from "./get-post-trends";
import { rankPostGroups } from "./rank-post-groups";

const TZ = "America/Los_Angeles";
// 12:00 on 10 March in Los Angeles: the presets are 4–10 March, 9 February–10 March and 11 December–10 March.
const NOW = new Date("2026-03-10T20:00:00Z");
const TODAY = "2026-03-10";
const presets = (today: string) => LEADERBOARD_PERIODS.map((days) => periodEnding(today, days));

describe.each(ENGINES)("stored period medians (%s)", (engine) => {
  let database: TestDatabase;
  const ws = randomUUID();
  const other = randomUUID();
  const users = { viewer: randomUUID(), outsider: randomUUID() };
  const ids = { p1: randomUUID(), p2: randomUUID(), p3: randomUUID(), p4: randomUUID(), p5: randomUUID(), p6: randomUUID(), p7: randomUUID() };
  const run = (text: string, values: unknown[] = []) => database.connection.runner.query<Record<string, unknown>>(text, values);
  const workspace = { id: ws, timezone: TZ };
  let made = 0;
  const post = (workspaceId: string, id: string, values: Record<string, unknown>) => {
    const postId = `77000000000000000${String(++made).padStart(2, "0")}`;
    const row = { id, workspace_id: workspaceId, post_id: postId, url: `https://www.tiktok.com/@c/video/${postId}`, status: "scraped", ...values };
    const columns = Object.keys(row);
    return run(`insert into tiktok_posts (${columns.join(", ")}) values (${columns.map((_, n) => `$${n + 1}`).join(", ")})`, Object.values(row));
  };
  const fill = (now = NOW) => fillPeriodMedians(database.connection.db, { workspaceId: ws, now });
  const stored = (where = "true") =>
    run(
      `select dimension, key, period_from::text as "from", period_to::text as "to", median_views as median
       from tiktok_group_period_medians where workspace_id = $1 and ${where} order by dimension, key nulls first, period_from`,
      [ws],
    );
  const asViewer = <T>(work: (tx: Tx) => Promise<T>) => runAsUser(database.connection, { sub: users.viewer }, work);
  /** Every leaderboard and the trends over every preset, as the viewer reads them. */
  const everything = () =>
    asViewer(async (tx) => {
      const out: unknown[] = [];
      for (const period of presets(TODAY)) {
        for (const by of LEADERBOARD_GROUPS) out.push(await rankPostGroups(tx, { workspace, query: { by, ...period } }));
        out.push(await getPostTrends(tx, { workspace, query: { by: "va", ...period } }));
      }
      return out;
    });
  const medianOf = async (key: string, period: { from: string; to: string }) =>
    (await asViewer((tx) => rankPostGroups(tx, { workspace, query: { by: "va", ...period } }))).find((row) => row.key === key)?.medianViews;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    for (const user of Object.values(users)) await run("insert into auth.users (id, email) values ($1, $2)", [user, `${user}@example.test`]);
    await run("insert into workspaces (id, slug, name, timezone) values ($1, $2, 'A', $3), ($4, $5, 'B', 'UTC')", [ws, `a-${ws.slice(0, 8)}`, TZ, other, `b-${other.slice(0, 8)}`]);
    await run("insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'viewer'), ($3, $4, 'admin')", [ws, users.viewer, other, users.outsider]);
    await post(ws, ids.p1, { va: "Mia", creator: "ana", set_id: "S1", is_slideshow: true, slide_count: 5, posted_at: "2026-03-05T20:00:00Z", views: 1000 });
    await post(ws, ids.p2, { va: "Mia", creator: "bo", set_id: "S2", is_slideshow: false, posted_at: "2026-03-08T20:00:00Z", views: 200 });
    await post(ws, ids.p3, { va: "Mia", creator: "ana", set_id: "S1", is_slideshow: true, slide_count: 2, posted_at: "2026-02-20T20:00:00Z", views: 600 });
    await post(ws, ids.p4, { va: "Leo", creator: "bo", set_id: "S2", is_slideshow: false, posted_at: "2026-01-15T20:00:00Z", views: 5000 });
    // 07:30 UTC on 10 March is 23:30 on 9 March in Los Angeles.
    await post(ws, ids.p5, { va: "Leo", creator: "ana", set_id: "S1", is_slideshow: true, slide_count: 8, posted_at: "2026-03-10T07:30:00Z", views: 300 });
    await post(ws, ids.p6, { va: null, creator: "cy", set_id: "S3", is_slideshow: false, posted_at: "2026-03-07T20:00:00Z", views: null });
    // Before the longest period.
    await post(ws, ids.p7, { va: "Mia", creator: "cy", set_id: "S3", is_slideshow: false, posted_at: "2025-11-01T20:00:00Z", views: 9 });
    await post(other, randomUUID(), { va: "Mia", is_slideshow: true, slide_count: 3, posted_at: "2026-03-05T20:00:00Z", views: 99999 });
  });
  beforeEach(async () => {
    await run("delete from tiktok_group_period_medians");
  });
  afterAll(async () => {
    await database.drop();
  });

  it("stores every group's exact median for the presets ending today, and the pages read the same figures", async () => {
    const computed = await everything();
    expect(await stored("true")).toEqual([]);
    const { periods, written } = await fill();
    expect(periods).toBe(3);
    expect(await stored("dimension = 'va'")).toEqual([
      // p6 reports no views: its group has a post and no median.
      { dimension: "va", key: null, from: "2025-12-11", to: TODAY, median: null },
      { dimension: "va", key: null, from: "2026-02-09", to: TODAY, median: null },
      { dimension: "va", key: null, from: "2026-03-04", to: TODAY, median: null },
      { dimension: "va", key: "Leo", from: "2025-12-11", to: TODAY, median: 2650 },
      { dimension: "va", key: "Leo", from: "2026-02-09", to: TODAY, median: 300 },
      { dimension: "va", key: "Leo", from: "2026-03-04", to: TODAY, median: 300 },
      { dimension: "va", key: "Mia", from: "2025-12-11", to: TODAY, median: 600 },
      { dimension: "va", key: "Mia", from: "2026-02-09", to: TODAY, median: 600 },
      { dimension: "va", key: "Mia", from: "2026-03-04", to: TODAY, median: 600 },
    ]);
    expect(await stored("dimension = 'slides' and period_from = '2026-03-04'")).toEqual([
      { dimension: "slides", key: "4–6", from: "2026-03-04", to: TODAY, median: 1000 },
      { dimension: "slides", key: "7+", from: "2026-03-04", to: TODAY, median: 300 },
    ]);
    expect((await stored("true")).length).toBe(written);
    expect(await everything()).toEqual(computed);
    // The pages read the stored figure, not a recomputed one.
    await run("update tiktok_group_period_medians set median_views = 12345 where dimension = 'va' and key = 'Mia' and period_from = '2026-03-04'");
    expect(await medianOf("Mia", { from: "2026-03-04", to: TODAY })).toBe(12345);
    expect(await medianOf("Mia", { from: "2026-03-05", to: TODAY })).toBe(600);
  });

  it("a change to a day drops the stored medians of its group's periods that cover it, and only those", async () => {
    await fill();
    const before = await stored();
    // p3 was posted on 20 February: in the 30- and 90-day periods, not in the 7-day one.
    await run("update tiktok_posts set views = 700 where id = $1", [ids.p3]);
    onTestFinished(() => run("update tiktok_posts set views = 600 where id = $1", [ids.p3]).then(() => undefined));
    const after = await stored();
    const gone = before.filter((row) => !after.some((kept) => JSON.stringify(kept) === JSON.stringify(row)));
    expect(gone.map((row) => `${String(row.dimension)}:${String(row.key)}:${String(row.from)}`).sort()).toEqual(
      ["creator:ana", "set:S1", "slides:1–3", "type:true", "va:Mia"].flatMap((group) => [`${group}:2025-12-11`, `${group}:2026-02-09`]).sort(),
    );
    expect(after.length).toBe(before.length - gone.length);
    expect(await medianOf("Mia", { from: "2026-02-09", to: TODAY })).toBe(700);
    expect((await fill()).written).toBe(gone.length);
    expect(await stored("dimension = 'va' and key = 'Mia' and period_from = '2026-02-09'")).toEqual([
      { dimension: "va", key: "Mia", from: "2026-02-09", to: TODAY, median: 700 },
    ]);
  });

  it("a post that moves to another VA, or is deleted, drops both groups' medians", async () => {
    await fill();
    await run("update tiktok_posts set va = 'Leo' where id = $1", [ids.p2]);
    onTestFinished(() => run("update tiktok_posts set va = 'Mia' where id = $1", [ids.p2]).then(() => undefined));
    expect(await stored("dimension = 'va' and period_from = '2026-03-04'")).toEqual([{ dimension: "va", key: null, from: "2026-03-04", to: TODAY, median: null }]);
    await fill();
    expect(await medianOf("Leo", { from: "2026-03-04", to: TODAY })).toBe(250);
    await run("update tiktok_posts set va = 'Mia' where id = $1", [ids.p2]);
    await fill();
    const gone = randomUUID();
    await post(ws, gone, { va: "Leo", is_slideshow: false, posted_at: "2026-03-06T20:00:00Z", views: 50 });
    onTestFinished(() => run("delete from tiktok_posts where id = $1", [gone]).then(() => undefined));
    expect(await stored("dimension = 'va' and key = 'Leo' and period_from = '2026-03-04'")).toEqual([]);
    await fill();
    expect(await medianOf("Leo", { from: "2026-03-04", to: TODAY })).toBe(175);
    await run("delete from tiktok_posts where id = $1", [gone]);
    expect(await stored("dimension = 'va' and key = 'Leo' and period_from = '2026-03-04'")).toEqual([]);
    expect(await medianOf("Leo", { from: "2026-03-04", to: TODAY })).toBe(300);
  });

  it("a finished run stores them: runs.finished through the local runner", async () => {
    const deps = { withDb: <T>(work: (db: Db) => Promise<T>) => work(database.connection.db), now: () => NOW, snapshotLocalTime: null, retryBackoffMs: () => 0 } as unknown as JobDeps;
    const runner = createLocalRunner({ definitions: createJobDefinitions(deps), log: () => {} });
    await runner.send({ name: "runs.finished", data: { workspaceId: ws, runId: randomUUID() } });
    await runner.idle();
    await runner.stop();
    expect(await stored("dimension = 'va' and key = 'Leo'")).toEqual([
      { dimension: "va", key: "Leo", from: "2025-12-11", to: TODAY, median: 2650 },
      { dimension: "va", key: "Leo", from: "2026-02-09", to: TODAY, median: 300 },
      { dimension: "va", key: "Leo", from: "2026-03-04", to: TODAY, median: 300 },
    ]);
  });

  it("a second fill writes nothing; the next day's fill replaces the periods that ended", async () => {
    const first = await fill();
    expect(first.written).toBeGreaterThan(0);
    expect((await fill()).written).toBe(0);
    await fill(new Date("2026-03-11T20:00:00Z"));
    const periods = new Set((await stored()).map((row) => `${String(row.from)}..${String(row.to)}`));
    expect([...periods].sort()).toEqual(["2025-12-12..2026-03-11", "2026-02-10..2026-03-11", "2026-03-05..2026-03-11"]);
  });

  it("members read their workspace's rows only, and no user may fill or edit them", async () => {
    await fill();
    const read = (user: string) => runAsUser(database.connection, { sub: user }, async (tx) => rowsOf(await tx.execute(sql`select workspace_id from tiktok_group_period_medians`)));
    expect((await read(users.viewer)).length).toBe((await stored()).length);
    expect(await read(users.outsider)).toEqual([]);
    const refused = await runAsUser(database.connection, { sub: users.viewer }, (tx) => fillPeriodMedians(tx, { workspaceId: ws, now: NOW })).catch((error: unknown) => error);
    expect(pgErrorCode(refused)).toBe("42501");
    for (const call of [
      sql`select private.forget_period_medians(array[${ws}]::uuid[], '{va}'::text[], '{Mia}'::text[], '{2026-03-05}'::date[])`,
      sql`select private.lock_workspace_rollups(array[${ws}]::uuid[])`,
    ]) {
      const error = await runAsUser(database.connection, { sub: users.viewer }, (tx) => tx.execute(call)).catch((caught: unknown) => caught);
      expect(pgErrorCode(error)).toBe("42501");
    }
    expect((await stored()).length).toBeGreaterThan(0);
  });

  // PGlite has one connection and runs one transaction at a time, so two cannot overlap there.
  it.runIf(engine === "postgres")("a fill that starts while a writer is open waits for it and stores the written figure", async () => {
    onTestFinished(() => run("update tiktok_posts set views = 1000 where id = $1", [ids.p1]).then(() => undefined));
    const writer = postgres(database.url!, { max: 1, onnotice: () => {} });
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    try {
      let updated!: () => void;
      const wrote = new Promise<void>((resolve) => (updated = resolve));
      const writing = writer.begin(async (tx) => {
        await tx`update tiktok_posts set views = 4000 where id = ${ids.p1}`;
        updated();
        await committed;
      });
      await wrote;
      const filling = fill();
      await untilWaitingOnLock(database.connection, "fill_period_medians");
      commit();
      await Promise.all([writing, filling]);
    } finally {
      commit();
      await writer.end();
    }
    expect(await stored("dimension = 'va' and key = 'Mia' and period_from = '2026-03-04'")).toEqual([
      { dimension: "va", key: "Mia", from: "2026-03-04", to: TODAY, median: 2100 },
    ]);
  });

  it.runIf(engine === "postgres")("a writer that starts while a fill is open waits for it, then drops what the fill stored for its groups", async () => {
    const filler = postgres(database.url!, { max: 1, onnotice: () => {} });
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    onTestFinished(() => run("update tiktok_posts set views = 300 where id = $1", [ids.p5]).then(() => undefined));
    try {
      let filled!: () => void;
      const stored7 = new Promise<void>((resolve) => (filled = resolve));
      const filling = filler.begin(async (tx) => {
        await tx`select private.fill_period_medians(${ws}::uuid, '{va,creator,set,type,slides}'::text[], '{2026-03-04}'::date[], '{2026-03-10}'::date[])`;
        filled();
        await committed;
      });
      await stored7;
      const writing = run("update tiktok_posts set views = 900 where id = $1", [ids.p5]);
      await untilWaitingOnLock(database.connection, "views = 900");
      commit();
      await Promise.all([filling, writing]);
    } finally {
      commit();
      await filler.end();
    }
    // p5 is Leo's, ana's, S1's, a slideshow's and "7+"'s: those rows went; Mia's stayed.
    expect(await stored("dimension = 'va'")).toEqual([
      { dimension: "va", key: null, from: "2026-03-04", to: TODAY, median: null },
      { dimension: "va", key: "Mia", from: "2026-03-04", to: TODAY, median: 600 },
    ]);
    expect(await medianOf("Leo", { from: "2026-03-04", to: TODAY })).toBe(900);
  });
});
