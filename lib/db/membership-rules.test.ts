import { randomUUID } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAsUser } from "@/lib/db/rls";
import { pgErrorCode, rowsOf } from "@/lib/db/rows";
import { toProblem } from "@/lib/http/problem";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { changeMemberRole } from "@/lib/services/members/change-member-role";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";

class Rollback extends Error {}

describe.each(ENGINES)("database rules the UI relies on, as raw SQL by `authenticated`, on %s", (engine) => {
  let db: TestDatabase;
  const [wsA, wsB, admin, coAdmin, viewer, outsider, stranger] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const runB = randomUUID();
  const run = (text: string, params: unknown[] = []) => db.connection.runner.query(text, params);

  /** Runs a statement as `user` and rolls back; returns the Postgres error code (or "ok") and the error. */
  async function as(user: string, statement: SQL): Promise<{ code: string; error?: unknown; rows: number }> {
    let outcome: { code: string; error?: unknown; rows: number } = { code: "ok", rows: 0 };
    try {
      await runAsUser(db.connection, { sub: user }, async (tx) => {
        try {
          outcome = { code: "ok", rows: rowsOf(await tx.execute(statement)).length };
        } catch (error) {
          outcome = { code: pgErrorCode(error) ?? "unknown", error, rows: 0 };
        }
        throw new Rollback();
      });
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
    return outcome;
  }

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    for (const id of [admin, coAdmin, viewer, outsider, stranger]) await run("insert into auth.users (id, email) values ($1, $2)", [id, `${id}@example.test`]);
    await run("insert into workspaces (id, slug, name) values ($1, 'a', 'A'), ($2, 'b', 'B')", [wsA, wsB]);
    await run("insert into workspace_members values ($1, $2, 'admin'), ($1, $3, 'viewer'), ($4, $5, 'admin')", [wsA, admin, viewer, wsB, outsider]);
    await run("insert into job_runs (id, workspace_id, kind, trigger) values ($1, $2, 'snapshots', 'cron')", [runB, wsB]);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("an admin cannot move a membership to another workspace or user, nor change its keys at all", async () => {
    for (const set of [sql`workspace_id = ${wsB}`, sql`user_id = ${stranger}`, sql`workspace_id = workspace_id`]) {
      const result = await as(admin, sql`update workspace_members set ${set} where workspace_id = ${wsA} and user_id = ${viewer} returning 1`);
      expect(result.code).toBe("42501");
    }
    // Even the service path cannot rewrite a key (the trigger), while the role stays editable.
    await expect(run("update workspace_members set user_id = $1 where workspace_id = $2 and user_id = $3", [stranger, wsA, viewer])).rejects.toThrowError(/cannot change/);
    expect((await as(admin, sql`update workspace_members set role = 'editor' where workspace_id = ${wsA} and user_id = ${viewer} returning 1`)).rows).toBe(1);
  });

  it("an admin cannot add an existing user without an invitation", async () => {
    const result = await as(admin, sql`insert into workspace_members (workspace_id, user_id, role) values (${wsA}, ${stranger}, 'admin')`);
    expect(result.code).toBe("42501");
    const upsert = await as(admin, sql`insert into workspace_members (workspace_id, user_id, role) values (${wsA}, ${viewer}, 'admin') on conflict (workspace_id, user_id) do update set role = 'admin'`);
    expect(upsert.code).toBe("42501");
  });

  it("the last admin cannot leave or be demoted by any update or delete", async () => {
    const paths = [
      sql`update workspace_members set role = 'viewer' where workspace_id = ${wsA} and user_id = ${admin}`,
      sql`update workspace_members set role = 'viewer' where workspace_id = ${wsA}`,
      sql`delete from workspace_members where workspace_id = ${wsA} and user_id = ${admin}`,
      sql`delete from workspace_members where workspace_id = ${wsA}`,
    ];
    for (const statement of paths) expect((await as(admin, statement)).code).toBe("P0001");
    await run("insert into workspace_members values ($1, $2, 'admin')", [wsA, coAdmin]);
    expect((await as(admin, sql`update workspace_members set role = 'viewer' where workspace_id = ${wsA} and user_id = ${admin} returning 1`)).rows).toBe(1);
    expect((await as(admin, sql`update workspace_members set role = 'viewer' where workspace_id = ${wsA} and role = 'admin'`)).code).toBe("P0001");
    await run("delete from workspace_members where workspace_id = $1 and user_id = $2", [wsA, coAdmin]);
  });

  it("no member can write audit_log directly; the service path records inside the user's transaction", async () => {
    for (const user of [admin, viewer]) {
      const result = await as(user, sql`insert into audit_log (workspace_id, actor_id, action, entity) values (${wsA}, ${user}, 'member.removed', 'forged')`);
      expect(result.code).toBe("42501");
    }
    expect((await as(admin, sql`update audit_log set action = 'x' where workspace_id = ${wsA} returning 1`)).code).toBe("42501");
    await runAsUser(db.connection, { sub: admin }, (tx) => changeMemberRole(tx, { workspaceId: wsA, actorId: admin, userId: viewer, role: "editor" }));
    const rows = await run("select action, actor_id from audit_log where workspace_id = $1 and action = 'member.role_changed'", [wsA]);
    expect(rows).toEqual([{ action: "member.role_changed", actor_id: admin }]);
    // After the service write the transaction is back under the user's role and policies.
    const after = await runAsUser(db.connection, { sub: viewer }, async (tx) => {
      await recordAudit(tx, { workspaceId: wsA, actorId: viewer, action: "account.created", entity: "account" });
      return rowsOf<{ role: string }>(await tx.execute(sql`select current_user as role`))[0]?.role;
    });
    expect(after).toBe("authenticated");
  });

  it("a scraping log must belong to its run's workspace, and probing another workspace's run ids reveals nothing", async () => {
    await run("insert into workspace_members values ($1, $2, 'editor') on conflict do nothing", [wsA, viewer]);
    const insert = (runId: string) =>
      as(admin, sql`insert into scraping_logs (workspace_id, job_run_id, batch_id, duration_ms, urls_processed) values (${wsA}, ${runId}, 'b', 1, 1)`);
    const existing = await insert(runB);
    const missing = await insert(randomUUID());
    expect(existing.code).toBe("23503");
    expect(missing.code).toBe(existing.code);
    // The service path cannot file one under the wrong workspace either.
    await expect(run("insert into scraping_logs (workspace_id, job_run_id, batch_id, duration_ms, urls_processed) values ($1, $2, 'b', 1, 1)", [wsA, runB])).rejects.toThrowError();
    const problem = toProblem(existing.error);
    expect(problem.status).toBe(400);
    const body = JSON.stringify(await problem.json());
    expect(body).not.toContain(wsB);
    expect(body).not.toContain(runB);
    expect(JSON.stringify(await toProblem(missing.error).json())).toBe(body);
  });
});
