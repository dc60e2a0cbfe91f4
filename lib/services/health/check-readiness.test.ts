import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalStorage } from "@/lib/storage/local-storage";
import type { Storage } from "@/lib/storage/storage";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";
import { checkReadiness, type ReadinessDeps } from "./check-readiness";

describe.each(ENGINES)("readiness on %s", (engine) => {
  let db: TestDatabase;
  let dir: string;
  let storage: Storage;
  const running = () => ({ ok: true, detail: "local runner" });
  const deps = (overrides: Partial<ReadinessDeps> = {}): ReadinessDeps => ({ runner: async () => db.connection.runner, storage: () => storage, jobs: running, ...overrides });

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    dir = await mkdtemp(path.join(tmpdir(), "reach-ready-"));
    storage = createLocalStorage({ dataDir: dir, bucket: "slides" });
  });
  afterAll(async () => {
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("is ready when the database answers, is migrated, storage takes a write and a job engine runs; the probe leaves nothing behind", async () => {
    const readiness = await checkReadiness(deps());
    expect(readiness.ready).toBe(true);
    expect(Object.fromEntries(Object.entries(readiness.checks).map(([name, check]) => [name, check.ok]))).toEqual({ database: true, migrations: true, storage: true, jobs: true });
    const files = await readdir(dir, { recursive: true, withFileTypes: true });
    expect(files.filter((entry) => entry.isFile()).map((entry) => entry.name)).toEqual([]);
  });

  it("names a migration the database has not applied", async () => {
    const [last] = await db.connection.runner.query<{ version: string; name: string; statements: string[] }>(
      "select version, name, statements from supabase_migrations.schema_migrations order by version desc limit 1",
    );
    await db.connection.runner.query("delete from supabase_migrations.schema_migrations where version = $1", [last!.version]);
    try {
      const readiness = await checkReadiness(deps());
      expect(readiness.ready).toBe(false);
      expect(readiness.checks.database.ok).toBe(true);
      expect(readiness.checks.migrations).toMatchObject({ ok: false, detail: `1 pending, first ${last!.version}_${last!.name}.sql` });
    } finally {
      await db.connection.runner.query("insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)", [last!.version, last!.name, last!.statements]);
    }
  });

  it("fails storage that cannot be written, without the path in the answer", async () => {
    const blocked = path.join(dir, "not-a-directory");
    await writeFile(blocked, "a file where the storage directory should be");
    const readiness = await checkReadiness(deps({ storage: () => createLocalStorage({ dataDir: blocked, bucket: "slides" }) }));
    expect(readiness.ready).toBe(false);
    expect(readiness.checks.storage.ok).toBe(false);
    expect(readiness.checks.storage.detail).toMatch(/^E[A-Z]+$/);
  });

  it("fails the database and the migrations check when no connection can be had, and jobs when no engine runs", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:5432"), { code: "ECONNREFUSED" });
    const readiness = await checkReadiness(deps({ runner: () => Promise.reject(refused), jobs: () => ({ ok: false, detail: "local runner not started" }) }));
    expect(readiness.ready).toBe(false);
    expect(readiness.checks.database).toMatchObject({ ok: false, detail: "ECONNREFUSED" });
    expect(readiness.checks.migrations).toMatchObject({ ok: false, detail: "ECONNREFUSED" });
    expect(readiness.checks.jobs).toEqual({ ok: false, latencyMs: 0, detail: "local runner not started" });
    expect(readiness.checks.storage.ok).toBe(true);
  });

  it("counts a check that hangs as failed after its timeout", async () => {
    const readiness = await checkReadiness(deps({ runner: () => new Promise(() => {}), timeoutMs: 20 }));
    expect(readiness.checks.database).toMatchObject({ ok: false, detail: "timeout" });
    expect(readiness.checks.migrations).toMatchObject({ ok: false, detail: "timeout" });
  });
});
