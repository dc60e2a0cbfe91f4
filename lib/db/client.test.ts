import { spawn } from "node:child_process";
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DatabaseOpenError, openConnection } from "@/lib/db/client";
import { migratedPgliteSnapshot } from "@/tests/db-harness";

// PGlite-only: these cover the embedded data directory, which real Postgres does not have.
describe("embedded database directory", () => {
  const dirs: string[] = [];
  const tempDir = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "reach-db-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it("creates, migrates and reopens a data directory", async () => {
    const dir = await tempDir();
    const first = await openConnection({ dataDir: dir }, { migrate: true });
    await first.runner.query("insert into workspaces (slug, name) values ('kept', 'Kept')");
    await first.close();
    const second = await openConnection({ dataDir: dir }, { migrate: true });
    const rows = await second.runner.query<{ slug: string }>("select slug from workspaces");
    await second.close();
    expect(rows).toEqual([{ slug: "kept" }]);
  });

  it("refuses a directory that another live process holds", async () => {
    const dir = await tempDir();
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      await writeFile(path.join(dir, "reach.pid"), String(holder.pid));
      const opening = openConnection({ dataDir: dir });
      await expect(opening).rejects.toThrowError(DatabaseOpenError);
      await expect(opening).rejects.toThrowError(/in use by another process \(pid \d+\), probably `npm run dev`/);
    } finally {
      holder.kill();
    }
  });

  it("takes over a lock left by a process that has exited", async () => {
    const dir = await tempDir();
    const exited = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => exited.once("exit", resolve));
    await writeFile(path.join(dir, "reach.pid"), String(exited.pid));
    // Opening is what is tested (a held lock throws before PGlite starts): a migrated copy skips initdb.
    const connection = await openConnection({ dataDir: dir, snapshot: await migratedPgliteSnapshot() });
    expect(await readFile(path.join(dir, "reach.pid"), "utf8")).toBe(String(process.pid));
    await connection.close();
  });

  it("says what to delete when the directory is corrupt", async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, "pglite"), { recursive: true });
    await writeFile(path.join(dir, "pglite", "PG_VERSION"), "garbage\n");
    await writeFile(path.join(dir, "pglite", "global"), "not a directory");
    await expect(openConnection({ dataDir: dir })).rejects.toThrowError(/may be corrupt: stop Reach, delete the .* directory/);
  });
});
