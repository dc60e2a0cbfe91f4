import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES, migratedPgliteSnapshot, type TestDatabase } from "@/tests/db-harness";
import { backupDatabase, compareChecksums, readManifest, restoreDatabase, tableChecksums } from "./backup";
import { openConnection } from "./client";
import type { SqlRunner } from "./sql-runner";

const now = new Date("2030-05-01T10:00:00Z");

async function seed(runner: SqlRunner) {
  const workspace = randomUUID();
  await runner.query("insert into workspaces (id, slug, name, timezone) values ($1, 'backed-up', 'Backed up', 'Europe/Paris')", [workspace]);
  const account = randomUUID();
  await runner.query("insert into accounts (id, workspace_id, platform, handle) values ($1, $2, 'bluesky', 'keep.bsky.social')", [account, workspace]);
  for (const day of ["2030-04-28", "2030-04-29", "2030-04-30"]) {
    await runner.query("insert into account_snapshots (account_id, workspace_id, snapshot_date, followers, source) values ($1, $2, $3, $4, 'api')", [account, workspace, day, 1000 + day.length]);
  }
  await runner.query("insert into auth.users (id, email, encrypted_password) values ($1, 'kept@example.test', 'x')", [randomUUID()]);
  return { workspace, account };
}

async function mutate(runner: SqlRunner) {
  await runner.query("delete from account_snapshots");
  await runner.query("update accounts set handle = 'changed.bsky.social'");
  await runner.query("insert into workspaces (slug, name) values ('after-backup', 'Added after the backup')");
}

describe("backup and restore on Postgres", () => {
  let db: TestDatabase | undefined;
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), "reach-backup-pg-"));
    if (ENGINES.includes("postgres")) db = await createTestDatabase("postgres");
  });
  afterAll(async () => {
    await db?.drop();
    await rm(out, { recursive: true, force: true });
  });

  // Real Postgres (and pg_dump) only when TEST_DATABASE_URL names a server, as CI does; PGlite is below.
  it.runIf(ENGINES.includes("postgres"))("round-trips a seeded database through pg_dump and pg_restore, every table's rows and digest equal", async () => {
    await seed(db!.connection.runner);
    const before = await tableChecksums(db!.connection.runner);
    const { dir, manifest } = await backupDatabase({ databaseUrl: db!.url! }, { outDir: out, now });
    expect(manifest).toMatchObject({ engine: "postgres", storage: "not included" });
    expect(manifest.tables).toEqual(before);
    expect(manifest.tables["public.account_snapshots"]?.rows).toBe(3);
    expect(manifest.migrations.length).toBeGreaterThan(10);
    expect(await readManifest(dir)).toEqual(manifest);

    await mutate(db!.connection.runner);
    // The daily follower totals are kept by triggers on the snapshots, so they move with them.
    expect(compareChecksums(before, await tableChecksums(db!.connection.runner))).toEqual([
      "public.account_snapshots",
      "public.accounts",
      "public.workspace_follower_days",
      "public.workspaces",
    ]);

    const restored = await restoreDatabase({ databaseUrl: db!.url! }, { backupDir: dir, now });
    expect(restored.mismatched).toEqual([]);
    expect(compareChecksums(before, await tableChecksums(db!.connection.runner))).toEqual([]);
    // Row-level security came back with the tables.
    const [rls] = await db!.connection.runner.query<{ on: boolean }>("select relrowsecurity as on from pg_class where oid = 'public.accounts'::regclass");
    expect(rls?.on).toBe(true);
  });

  it("refuses a directory that is not a backup, naming it", async () => {
    await expect(restoreDatabase({ databaseUrl: "postgres://unused@127.0.0.1:1/none" }, { backupDir: out, now })).rejects.toThrow(`${out} is not a Reach backup`);
  });
});

describe("backup and restore in embedded mode (PGlite)", () => {
  let dataDir: string;
  let out: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "reach-backup-data-"));
    out = await mkdtemp(path.join(tmpdir(), "reach-backup-out-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await rm(out, { recursive: true, force: true });
  });

  it("round-trips the data directory and the slide files, moving the replaced ones aside", async () => {
    const first = await openConnection({ dataDir, snapshot: await migratedPgliteSnapshot() });
    await seed(first.runner);
    const before = await tableChecksums(first.runner);
    await first.close();
    const slide = path.join(dataDir, "storage", "slides", "w", "p", "0.jpeg");
    await mkdir(path.dirname(slide), { recursive: true });
    await writeFile(slide, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));

    const { dir, manifest } = await backupDatabase({ dataDir }, { outDir: out, now });
    expect(manifest).toMatchObject({ engine: "pglite", storage: "copied" });
    expect(manifest.tables).toEqual(before);

    const second = await openConnection({ dataDir });
    await mutate(second.runner);
    await second.close();
    await writeFile(slide, "overwritten");
    await expect(restoreDatabase({ databaseUrl: "postgres://unused@127.0.0.1:1/none" }, { backupDir: dir, now })).rejects.toThrow(/embedded-mode backup/);

    const restored = await restoreDatabase({ dataDir }, { backupDir: dir, now });
    expect(restored.mismatched).toEqual([]);
    expect(await readFile(slide)).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    expect(await readFile(path.join(restored.movedAside!, "storage", "slides", "w", "p", "0.jpeg"), "utf8")).toBe("overwritten");
    const third = await openConnection({ dataDir });
    try {
      expect(compareChecksums(before, await tableChecksums(third.runner))).toEqual([]);
    } finally {
      await third.close();
    }
  });
});
