import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { checkPassword } from "@/lib/services/auth/verify-password";
import { createUser } from "@/lib/services/users/create-user";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";

describe.each(ENGINES)("createUser (npm run user:create) on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("creates the first admin and the workspace, then adds an existing user elsewhere", async () => {
    const first = await createUser(db.connection.db, { email: "Boss@Example.org", password: "tidal-copper-orchard-9", workspace: "acme", role: "admin" });
    expect(first).toMatchObject({ createdUser: true, createdWorkspace: true, role: "admin" });
    expect(await checkPassword(db.connection.db, { email: "boss@example.org", password: "tidal-copper-orchard-9" })).toMatchObject({ id: first.userId });

    const second = await createUser(db.connection.db, { email: "boss@example.org", password: "tidal-copper-orchard-10", workspace: "other", role: "editor" });
    expect(second).toMatchObject({ userId: first.userId, createdUser: false, createdWorkspace: true, role: "editor" });
    const memberships = await db.connection.runner.query(
      "select w.slug, m.role::text as role from workspace_members m join workspaces w on w.id = m.workspace_id order by w.slug",
    );
    expect(memberships).toEqual([
      { slug: "acme", role: "admin" },
      { slug: "other", role: "editor" },
    ]);
  });

  it("refuses weak passwords and bad slugs before writing anything", async () => {
    const attempt = (password: string, workspace = "fresh") => createUser(db.connection.db, { email: "new@example.org", password, workspace });
    await expect(attempt("short")).rejects.toThrowError(ZodError);
    await expect(attempt("password1234")).rejects.toThrowError(/too common/);
    await expect(attempt("tidal-copper-orchard-9", "Not A Slug")).rejects.toThrowError(ZodError);
    await expect(attempt("tidal-copper-orchard-9", "account")).rejects.toThrowError(ZodError);
    const rows = await db.connection.runner.query("select 1 from auth.users where email = 'new@example.org'");
    expect(rows).toEqual([]);
  });
});
