import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAsUser } from "@/lib/db/rls";
import { listAccounts, listAccountsQuerySchema } from "@/lib/services/accounts/list-accounts";
import { getOverview } from "@/lib/services/overview/get-overview";
import { upsertSnapshots } from "@/lib/services/snapshots/upsert-snapshots";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";
import { openSummaryCache, type OpenedSummaryCache } from "./process-summary-cache";

const REDIS_TEST_URL = process.env.REDIS_TEST_URL?.trim() || undefined;
const BACKENDS = REDIS_TEST_URL ? (["memory", "redis"] as const) : (["memory"] as const);
const CASES = ENGINES.flatMap((engine) => BACKENDS.map((backend) => [engine, backend] as const));

describe.each(CASES)("summary cache on %s with %s", (engine, backend) => {
  let db: TestDatabase;
  let opened: OpenedSummaryCache;
  const wsA = randomUUID();
  const wsB = randomUUID();
  const viewerA = randomUUID();
  const viewerB = randomUUID();
  const account = randomUUID();
  const query = listAccountsQuerySchema.parse({});
  const run = (text: string, params: unknown[] = []) => db.connection.runner.query(text, params);
  const version = async (ws: string) => Number((await run("select data_version from workspaces where id = $1", [ws]))[0]?.data_version);

  const accountsOf = (user: string, ws: string) =>
    runAsUser(db.connection, { sub: user }, (tx) =>
      opened.cache.get(tx, { workspace: { id: ws, role: "viewer" }, kind: "accounts", query }, () => listAccounts(tx, { scope: { workspaceId: ws, timezone: "UTC", now: new Date("2026-01-10T12:00:00Z") }, query })),
    );
  const overviewOf = (user: string, ws: string) =>
    runAsUser(db.connection, { sub: user }, (tx) => opened.cache.get(tx, { workspace: { id: ws, role: "viewer" }, kind: "overview", query: {} }, () => getOverview(tx, { workspace: { id: ws, timezone: "UTC" }, now: new Date("2026-01-10T12:00:00Z") })));
  const counts = (kind: "accounts" | "overview") => opened.cache.counts().find((row) => row.kind === kind)!;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    opened = await openSummaryCache(backend === "redis" ? REDIS_TEST_URL : undefined, { keyPrefix: `test:${randomUUID()}:` });
    await run("insert into auth.users (id, email) values ($1, 'a@x.test'), ($2, 'b@x.test')", [viewerA, viewerB]);
    await run("insert into workspaces (id, slug, name) values ($1, 'a', 'A'), ($2, 'b', 'B')", [wsA, wsB]);
    await run("insert into workspace_members values ($1, $2, 'viewer'), ($3, $4, 'viewer')", [wsA, viewerA, wsB, viewerB]);
    await run("insert into accounts (id, workspace_id, platform, handle) values ($1, $2, 'x', 'alpha')", [account, wsA]);
    await run("insert into accounts (workspace_id, platform, handle) values ($1, 'x', 'beta'), ($1, 'x', 'gamma')", [wsB]);
    await upsertSnapshots(db.connection.db, { rows: [{ accountId: account, workspaceId: wsA, snapshotDate: "2026-01-01", followers: 100, source: "api" }] });
  });
  afterAll(async () => {
    await opened?.close();
    await db?.drop();
  });

  it("serves the second read of the same summary from the cache", async () => {
    const first = await overviewOf(viewerA, wsA);
    const before = counts("overview");
    const second = await overviewOf(viewerA, wsA);
    expect(second).toEqual(first);
    expect(counts("overview")).toMatchObject({ hits: before.hits + 1, misses: before.misses });
  });

  it("misses after a new snapshot commits, and shows it", async () => {
    expect((await accountsOf(viewerA, wsA)).rows[0]?.followers).toBe(100);
    expect((await accountsOf(viewerA, wsA)).rows[0]?.followers).toBe(100);
    const before = counts("accounts");
    await upsertSnapshots(db.connection.db, { rows: [{ accountId: account, workspaceId: wsA, snapshotDate: "2026-01-02", followers: 150, source: "api" }] });
    expect((await accountsOf(viewerA, wsA)).rows[0]?.followers).toBe(150);
    expect(counts("accounts")).toMatchObject({ hits: before.hits, misses: before.misses + 1 });
  });

  it("bumps the version once per committed transaction, and not for one rolled back", async () => {
    const start = await version(wsA);
    await db.connection.db.transaction(async (tx) => {
      await upsertSnapshots(tx, { rows: [{ accountId: account, workspaceId: wsA, snapshotDate: "2026-01-03", followers: 160, source: "api" }] });
      await upsertSnapshots(tx, { rows: [{ accountId: account, workspaceId: wsA, snapshotDate: "2026-01-04", followers: 170, source: "api" }] });
    });
    expect(await version(wsA)).toBe(start + 1);
    await expect(
      db.connection.db.transaction(async (tx) => {
        await upsertSnapshots(tx, { rows: [{ accountId: account, workspaceId: wsA, snapshotDate: "2026-01-05", followers: 180, source: "api" }] });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await version(wsA)).toBe(start + 1);
  });

  it("never serves one workspace's entry to another, even at the same version", async () => {
    await run("update workspaces set data_version = 1000 where id in ($1, $2)", [wsA, wsB]);
    const a = await accountsOf(viewerA, wsA);
    const before = counts("accounts");
    const b = await accountsOf(viewerB, wsB);
    expect(counts("accounts")).toMatchObject({ hits: before.hits, misses: before.misses + 1 });
    expect(a.rows.map((row) => row.handle)).toEqual(["alpha"]);
    expect(b.rows.map((row) => row.handle)).toEqual(["beta", "gamma"]);
  });

  it("refuses a non-member before looking at the cache, whatever is cached", async () => {
    await accountsOf(viewerA, wsA);
    const before = counts("accounts");
    await expect(accountsOf(viewerB, wsA)).rejects.toMatchObject({ code: "not_found" });
    expect(counts("accounts")).toEqual(before);
  });
});
