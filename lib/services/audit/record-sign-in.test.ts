import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAsUser } from "@/lib/db/rls";
import { listAuditLog } from "@/lib/services/audit/list-audit-log";
import { recordSignIn } from "@/lib/services/audit/record-sign-in";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";

describe.each(ENGINES)("sign-in audit on %s", (engine) => {
  let db: TestDatabase;
  const [wsA, wsB, admin, member] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const run = (text: string, params: unknown[] = []) => db.connection.runner.query(text, params);

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await run("insert into auth.users (id, email) values ($1, 'admin@x.test'), ($2, 'Member@X.test')", [admin, member]);
    await run("insert into workspaces (id, slug, name) values ($1, 'a', 'A'), ($2, 'b', 'B')", [wsA, wsB]);
    await run("insert into workspace_members values ($1, $3, 'admin'), ($1, $4, 'viewer'), ($2, $4, 'editor')", [wsA, wsB, admin, member]);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("shows a member's sign-ins and failed attempts to the admins of each of their workspaces", async () => {
    await recordSignIn(db.connection.db, { email: "MEMBER@x.test", userId: null, ip: "203.0.113.6" });
    const lastSignIn = async () =>
      (await run("select last_sign_in_at from auth.users where id = $1", [member]))[0]?.last_sign_in_at ?? null;
    expect(await lastSignIn()).toBeNull();
    await recordSignIn(db.connection.db, { email: "member@x.test", userId: member, ip: "203.0.113.5" });
    expect(await lastSignIn()).not.toBeNull();
    await recordSignIn(db.connection.db, { email: "nobody@x.test", userId: null, ip: "203.0.113.7" });

    const seen = await runAsUser(db.connection, { sub: admin }, (tx) => listAuditLog(tx, { workspaceId: wsA }));
    expect(seen.map((entry) => [entry.action, entry.details.ip]).sort()).toEqual([
      ["auth.sign_in", "203.0.113.5"],
      ["auth.sign_in_failed", "203.0.113.6"],
    ]);
    const perWorkspace = await run("select workspace_id::text as ws, count(*)::int as n from audit_log group by 1 order by 2, 1");
    expect(perWorkspace).toEqual(
      expect.arrayContaining([{ ws: null, n: 1 }, { ws: wsA, n: 2 }, { ws: wsB, n: 2 }]),
    );
  });
});
