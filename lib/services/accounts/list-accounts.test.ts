import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAsUser } from "@/lib/db/rls";
import { getAccountQuality } from "@/lib/services/accounts/get-account-quality";
import { accountsGridQuerySchema, listAccountFacets, listAccountGroups, listAccounts, listAccountsQuerySchema } from "@/lib/services/accounts/list-accounts";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";

describe.each(ENGINES)("listAccounts on %s", (engine) => {
  let db: TestDatabase;
  const ws = randomUUID();
  const other = randomUUID();
  const viewer = randomUUID();
  const outsider = randomUUID();
  const query = (input: Record<string, unknown> = {}) => listAccountsQuerySchema.parse(input);
  // Noon on 11 February in UTC: the latest snapshots (10 February) are a day old, fresh.
  const TODAY = "2026-02-11";
  const scope = { workspaceId: ws, timezone: "UTC", now: new Date(`${TODAY}T12:00:00Z`) };

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    const run = (text: string, params: unknown[] = []) => db.connection.runner.query(text, params);
    await run("insert into auth.users (id, email) values ($1, 'v@x.test'), ($2, 'o@x.test')", [viewer, outsider]);
    await run("insert into workspaces (id, slug, name) values ($1, 'w', 'W'), ($2, 'o', 'O')", [ws, other]);
    await run("insert into workspace_members values ($1, $2, 'viewer'), ($3, $4, 'admin')", [ws, viewer, other, outsider]);
    // grower: +10/day over 40 days; flat: constant; unreported: followers not reported; fresh: no snapshots.
    await run(
      `insert into accounts (id, workspace_id, platform, handle) values
         ('00000000-0000-4000-8000-000000000001', $1, 'x', 'grower'),
         ('00000000-0000-4000-8000-000000000002', $1, 'bluesky', 'flat'),
         ('00000000-0000-4000-8000-000000000003', $1, 'youtube', 'unreported'),
         ('00000000-0000-4000-8000-000000000004', $1, 'tiktok', 'fresh')`,
      [ws],
    );
    await run(
      `insert into account_snapshots (account_id, workspace_id, snapshot_date, followers, approximate, source)
       select a.id, $1, date '2026-01-01' + d,
              case a.handle when 'grower' then 1000 + 10 * d when 'flat' then 500 else null end,
              a.handle = 'flat', 'html'
       from accounts a, generate_series(0, 40) d where a.handle in ('grower', 'flat', 'unreported')`,
      [ws],
    );
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("computes the latest followers and the 7- and 30-day change, sorted by 7-day change", async () => {
    const page = await runAsUser(db.connection, { sub: viewer }, (tx) => listAccounts(tx, { scope, query: query() }));
    expect(page.total).toBe(4);
    expect(page.rows.map((row) => row.handle)).toEqual(["grower", "flat", "fresh", "unreported"]);
    const [grower, flat, fresh, unreported] = page.rows;
    expect(grower).toMatchObject({ followers: 1400, change7d: 70, change30d: 300, latestDate: "2026-02-10", approximate: false });
    expect(flat).toMatchObject({ followers: 500, change7d: 0, approximate: true });
    expect(fresh).toMatchObject({ followers: null, change7d: null, latestDate: null });
    expect(unreported).toMatchObject({ followers: null, change7d: null, latestDate: "2026-02-10" });
  });

  it("adds the 1- and 90-day change, the rank within the platform and a 30-day sparkline with gaps", async () => {
    const page = await runAsUser(db.connection, { sub: viewer }, (tx) => listAccounts(tx, { scope, query: query() }));
    const [grower, flat, fresh, unreported] = page.rows;
    expect(grower).toMatchObject({ change1d: 10, change90d: null, rankInPlatform: 1 });
    expect(flat).toMatchObject({ change1d: 0, rankInPlatform: 1 });
    expect([fresh?.rankInPlatform, unreported?.rankInPlatform]).toEqual([null, null]);
    // 13 January to 11 February: the grower's readings to 10 February, then a day not reported.
    expect(grower?.sparkline).toEqual([...Array.from({ length: 29 }, (_, n) => 1120 + 10 * n), null]);
    expect(unreported?.sparkline.every((value) => value === null)).toBe(true);
  });

  it("filters by platform and search text, and pages", async () => {
    const tx = (input: Record<string, unknown>) => runAsUser(db.connection, { sub: viewer }, (t) => listAccounts(t, { scope, query: query(input) }));
    expect((await tx({ platform: "bluesky" })).rows.map((r) => r.handle)).toEqual(["flat"]);
    expect((await tx({ q: "grow" })).rows.map((r) => r.handle)).toEqual(["grower"]);
    expect((await tx({ q: "%" })).total).toBe(0);
    const second = await tx({ sort: "handle", pageSize: 2, page: 2 });
    expect(second.rows.map((r) => r.handle)).toEqual(["grower", "unreported"]);
  });

  it("a day later the accounts are stale: no growth, last in the ranking, found by health=stale; show=active|paused", async () => {
    const later = { ...scope, now: new Date("2026-02-13T12:00:00Z") };
    const tx = (input: Record<string, unknown>, at = later) => runAsUser(db.connection, { sub: viewer }, (t) => listAccounts(t, { scope: at, query: query(input) }));
    const page = await tx({});
    expect(page.rows.map((row) => [row.handle, row.stale, row.change7d, row.change30d, row.followers])).toEqual([
      ["flat", true, null, null, 500],
      ["fresh", false, null, null, null],
      ["grower", true, null, null, 1400],
      ["unreported", true, null, null, null],
    ]);
    expect((await tx({ health: "stale" })).rows.map((row) => row.handle)).toEqual(["flat", "grower", "unreported"]);
    expect((await tx({ sort: "change_7d_asc" }, scope)).rows.map((row) => row.handle)).toEqual(["flat", "grower", "fresh", "unreported"]);
    await db.connection.runner.query("update accounts set active = false where handle = 'flat' and workspace_id = $1", [ws]);
    expect((await tx({ show: "paused" })).rows.map((row) => [row.handle, row.active])).toEqual([["flat", false]]);
    expect((await tx({ show: "active" })).total).toBe(3);
    await db.connection.runner.query("update accounts set active = true where handle = 'flat' and workspace_id = $1", [ws]);
  });

  it("filters by tag, organization (any case) and core, and lists the tags and organizations in use", async () => {
    await db.connection.runner.query(
      `update accounts set tags = case handle when 'grower' then array['agency', 'flagship'] when 'flat' then array['agency'] else '{}' end,
         organization = case handle when 'grower' then 'CDC' when 'unreported' then 'NIH' end, is_core = handle = 'flat'
       where workspace_id = $1`,
      [ws],
    );
    const handles = async (input: Record<string, unknown>) =>
      (await runAsUser(db.connection, { sub: viewer }, (tx) => listAccounts(tx, { scope, query: query({ sort: "handle", ...input }) }))).rows.map((row) => row.handle);
    expect(await handles({ tag: "agency" })).toEqual(["flat", "grower"]);
    expect(await handles({ tag: "flagship" })).toEqual(["grower"]);
    expect(await handles({ organization: "cdc" })).toEqual(["grower"]);
    expect(await handles({ core: "only" })).toEqual(["flat"]);
    expect(await handles({ core: "not", tag: "agency" })).toEqual(["grower"]);
    expect(await handles({ tag: "nobody" })).toEqual([]);
    expect(await runAsUser(db.connection, { sub: viewer }, (tx) => listAccountFacets(tx, { workspaceId: ws }))).toEqual({ tags: ["agency", "flagship"], organizations: ["CDC", "NIH"] });
    expect(await runAsUser(db.connection, { sub: outsider }, (tx) => listAccountFacets(tx, { workspaceId: ws }))).toEqual({ tags: [], organizations: [] });
    await db.connection.runner.query("update accounts set tags = '{}', organization = null, is_core = false where workspace_id = $1", [ws]);
  });

  it("groups the grid by organization or tag: an account with several tags under each, none under null, with counts and summed followers", async () => {
    await db.connection.runner.query(
      `update accounts set tags = case handle when 'grower' then array['agency', 'flagship'] when 'flat' then array['agency'] else '{}' end,
         organization = case handle when 'grower' then 'CDC' when 'flat' then 'CDC' when 'unreported' then 'NIH' end
       where workspace_id = $1`,
      [ws],
    );
    const grid = (input: Record<string, unknown>) => accountsGridQuerySchema.parse(input);
    const as = <T,>(fn: Parameters<typeof runAsUser<T>>[2]) => runAsUser(db.connection, { sub: viewer }, fn);
    const byTag = await as((tx) => listAccounts(tx, { scope, query: grid({ group: "tag", sort: "followers" }) }));
    expect(byTag.rows.map((row) => [row.group, row.handle])).toEqual([
      ["agency", "grower"],
      ["agency", "flat"],
      ["flagship", "grower"],
      [null, "fresh"],
      [null, "unreported"],
    ]);
    expect([byTag.total, byTag.accounts]).toEqual([5, 4]);
    expect(await as((tx) => listAccountGroups(tx, { scope, query: { ...grid({}), group: "tag" } }))).toEqual([
      { key: "agency", accounts: 2, followers: 1900, approximate: true },
      { key: "flagship", accounts: 1, followers: 1400, approximate: false },
      { key: null, accounts: 2, followers: 0, approximate: false },
    ]);
    const byOrg = await as((tx) => listAccounts(tx, { scope, query: grid({ group: "org", sort: "handle", dir: "desc" }) }));
    expect(byOrg.rows.map((row) => [row.group, row.handle])).toEqual([
      ["CDC", "grower"],
      ["CDC", "flat"],
      ["NIH", "unreported"],
      [null, "fresh"],
    ]);
    expect(await as((tx) => listAccountGroups(tx, { scope, query: { ...grid({ q: "r" }), group: "org" } }))).toEqual([
      { key: "CDC", accounts: 1, followers: 1400, approximate: false },
      { key: "NIH", accounts: 1, followers: 0, approximate: false },
      { key: null, accounts: 1, followers: 0, approximate: false },
    ]);
    // Either direction on any figure, unknown figures last both ways.
    const followersAsc = await as((tx) => listAccounts(tx, { scope, query: grid({ sort: "followers", dir: "asc" }) }));
    expect(followersAsc.rows.map((row) => row.handle)).toEqual(["flat", "grower", "fresh", "unreported"]);
    expect(await as((tx) => listAccountGroups(tx, { scope: { ...scope, workspaceId: other }, query: { ...grid({}), group: "tag" } }))).toEqual([]);
    await db.connection.runner.query("update accounts set tags = '{}', organization = null where workspace_id = $1", [ws]);
  });

  it("shows nothing of the workspace to a member of another workspace", async () => {
    const page = await runAsUser(db.connection, { sub: outsider }, (tx) => listAccounts(tx, { scope, query: query() }));
    expect(page).toEqual({ rows: [], total: 0 });
  });

  it("scores each row's data quality over the 30 days up to today, as the account page does", async () => {
    const page = await runAsUser(db.connection, { sub: viewer }, (tx) => listAccounts(tx, { scope, query: query({ sort: "handle" }) }));
    const byHandle = Object.fromEntries(page.rows.map((row) => [row.handle, row.quality]));
    // 29 of the 30 days reported (today not yet), yesterday's figure, exact: 100 × (0.4 × 29/30 + 0.3 + 0.15 + 0.15).
    expect(byHandle.grower).toMatchObject({ score: 99, band: "good", reportedDays: 29, expectedDays: 30, ageDays: 1, approximateDays: 0, suspectDays: 0 });
    // Every figure rounded by the platform.
    expect(byHandle.flat).toMatchObject({ score: 84, exactness: 0, approximateDays: 29 });
    // Scraped daily, but never a follower count: only fresh and free of suspects.
    expect(byHandle.unreported).toMatchObject({ score: 45, band: "poor", completeness: 0 });
    expect(byHandle.fresh).toBeNull();

    const detail = (user: string, accountId: string) => runAsUser(db.connection, { sub: user }, (tx) => getAccountQuality(tx, { workspaceId: ws, accountId, today: TODAY }));
    const grower = page.rows.find((row) => row.handle === "grower")!;
    expect(await detail(viewer, grower.id)).toEqual(grower.quality);
    expect(await detail(outsider, grower.id)).toBeNull();
  });

  it("counts suspect snapshots against the score", async () => {
    const grower = "00000000-0000-4000-8000-000000000001";
    // A fall to a tenth that recovers the next day is flagged suspect by the database.
    await db.connection.runner.query("update account_snapshots set followers = 130 where account_id = $1 and snapshot_date = '2026-02-05'", [grower]);
    const quality = await runAsUser(db.connection, { sub: viewer }, (tx) => getAccountQuality(tx, { workspaceId: ws, accountId: grower, today: TODAY }));
    expect(quality).toMatchObject({ suspectDays: 1, suspects: 0.75, score: 95 });
  });
});
