import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordSignIn } from "@/lib/services/audit/record-sign-in";
import { createIdentity } from "@/lib/services/auth/create-identity";
import { currentSessionVersion } from "@/lib/services/auth/session-state";
import { deleteMyAccount } from "@/lib/services/users/delete-my-account";
import { exportMyData } from "@/lib/services/users/export-my-data";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";

describe.each(ENGINES)("a member's own data on %s", (engine) => {
  let db: TestDatabase;
  const ws = randomUUID();
  let sole = "";
  let member = "";
  const run = (text: string, params: unknown[] = []) => db.connection.runner.query(text, params);

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    sole = await createIdentity(db.connection.db, { email: "sole-admin@example.test", password: "tidal-copper-orchard-9", emailVerified: true });
    member = await createIdentity(db.connection.db, { email: "leaving@example.test", password: "tidal-copper-orchard-9", emailVerified: true });
    await run("insert into workspaces (id, slug, name) values ($1, 'team', 'Team')", [ws]);
    await run("insert into workspace_members values ($1, $2, 'admin'), ($1, $3, 'editor')", [ws, sole, member]);
    await recordSignIn(db.connection.db, { email: "leaving@example.test", userId: member, ip: "198.51.100.4" });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("exports the account, memberships and its own activity, and nothing about others", async () => {
    const data = await exportMyData(db.connection.db, member);
    expect(data.account).toMatchObject({ id: member, email: "leaving@example.test" });
    expect(data.memberships).toMatchObject([{ workspace: "team", role: "editor" }]);
    expect(data.twoFactor).toEqual({ enabled: false, enabledAt: null, recoveryCodesLeft: 0 });
    expect(data.activity.map((entry) => entry.action)).toEqual(["auth.sign_in"]);
    expect(JSON.stringify(data)).not.toContain("sole-admin@example.test");
  });

  it("refuses to delete the last admin of a workspace, and deletes a member with their sessions", async () => {
    await expect(deleteMyAccount(db.connection.db, sole)).rejects.toMatchObject({ code: "conflict" });
    expect(await run("select 1 from auth.users where id = $1", [sole])).toHaveLength(1);
    const before = await currentSessionVersion(db.connection.db, member);
    await deleteMyAccount(db.connection.db, member);
    expect(await run("select 1 from auth.users where id = $1", [member])).toEqual([]);
    expect(await run("select 1 from workspace_members where user_id = $1", [member])).toEqual([]);
    expect(await currentSessionVersion(db.connection.db, member)).toBeGreaterThan(before);
    expect(await run("select actor_id from audit_log where action = 'auth.sign_in'")).toEqual([{ actor_id: null }]);
  });
});
