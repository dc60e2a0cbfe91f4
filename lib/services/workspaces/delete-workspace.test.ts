import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAsUser } from "@/lib/db/rls";
import { deleteStoredSlides, deleteWorkspaceRows } from "@/lib/services/workspaces/delete-workspace";
import { createLocalStorage } from "@/lib/storage/local-storage";
import type { Storage } from "@/lib/storage/storage";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";

describe.each(ENGINES)("workspace deletion on %s", (engine) => {
  let db: TestDatabase;
  let dir = "";
  let storage: Storage;
  const [ws, other, admin, editor, post] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const run = (text: string, params: unknown[] = []) => db.connection.runner.query(text, params);

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    dir = await mkdtemp(path.join(tmpdir(), "reach-delete-ws-"));
    storage = createLocalStorage({ dataDir: dir, bucket: "slides" });
    await run("insert into auth.users (id, email) values ($1, 'a@x.test'), ($2, 'e@x.test')", [admin, editor]);
    await run("insert into workspaces (id, slug, name) values ($1, 'gone', 'Gone'), ($2, 'kept', 'Kept')", [ws, other]);
    await run("insert into workspace_members values ($1, $3, 'admin'), ($1, $4, 'editor'), ($2, $3, 'admin')", [ws, other, admin, editor]);
    await run("insert into tiktok_posts (id, workspace_id, post_id, url) values ($1, $2, '1', 'https://www.tiktok.com/@a/photo/1')", [post, ws]);
    for (const index of [0, 1]) {
      const file = `${ws}/${post}/${index}.png`;
      await storage.put(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, index]), "image/png");
      await run("insert into tiktok_slides (post_id, workspace_id, slide_index, storage_path) values ($1, $2, $3, $4)", [post, ws, index, file]);
    }
    await run("insert into audit_log (workspace_id, action, entity) values ($1, 'x', 'y'), ($2, 'x', 'y')", [ws, other]);
  });
  afterAll(async () => {
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("an editor cannot, a wrong confirmation cannot; the admin's deletion removes every row and slide file", async () => {
    await expect(runAsUser(db.connection, { sub: editor }, (tx) => deleteWorkspaceRows(tx, { workspaceId: ws, confirmSlug: "gone" }))).rejects.toThrow();
    await expect(runAsUser(db.connection, { sub: admin }, (tx) => deleteWorkspaceRows(tx, { workspaceId: ws, confirmSlug: "kept" }))).rejects.toMatchObject({ code: "invalid_input" });
    expect(await run("select 1 from workspaces where id = $1", [ws])).toHaveLength(1);

    const paths = await runAsUser(db.connection, { sub: admin }, (tx) => deleteWorkspaceRows(tx, { workspaceId: ws, confirmSlug: "gone" }));
    await deleteStoredSlides(storage, paths);
    expect(paths).toHaveLength(2);
    for (const table of ["workspaces", "tiktok_posts", "tiktok_slides", "audit_log", "workspace_members"]) {
      const column = table === "workspaces" ? "id" : "workspace_id";
      expect(await run(`select 1 from ${table} where ${column} = $1`, [ws]), table).toEqual([]);
    }
    for (const file of paths) expect(await storage.get(file)).toBeNull();
    expect(await run("select 1 from audit_log where workspace_id = $1", [other])).toHaveLength(1);
  });
});
