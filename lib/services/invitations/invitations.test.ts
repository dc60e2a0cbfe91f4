import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAsUser } from "@/lib/db/rls";
import { AppError } from "@/lib/errors";
import { checkPassword } from "@/lib/services/auth/verify-password";
import { acceptInvitation, describeInvitation } from "@/lib/services/invitations/accept-invitation";
import { createInvitation } from "@/lib/services/invitations/create-invitation";
import { listPendingInvitations } from "@/lib/services/invitations/list-invitations";
import { revokeInvitation } from "@/lib/services/invitations/revoke-invitation";
import { changeMemberRole } from "@/lib/services/members/change-member-role";
import { removeMember } from "@/lib/services/members/remove-member";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe.each(ENGINES)("invitations and membership on %s", (engine) => {
  let db: TestDatabase;
  const ws = randomUUID();
  const admin = randomUUID();
  const viewer = randomUUID();
  const run = (text: string, params: unknown[] = []) => db.connection.runner.query(text, params);
  const asAdmin = <T>(fn: Parameters<typeof runAsUser<T>>[2]) => runAsUser(db.connection, { sub: admin }, fn);
  const invite = (email: string, role: "admin" | "editor" | "viewer" = "viewer", now?: Date) =>
    asAdmin((tx) => createInvitation(tx, { workspaceId: ws, invitedBy: admin, email, role, now }));

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await run("insert into auth.users (id, email, encrypted_password, email_confirmed_at) values ($1, 'admin@x.test', $3, now()), ($2, 'viewer@x.test', $3, now())", [
      admin,
      viewer,
      await bcrypt.hash("an-old-password-1", 4),
    ]);
    await run("insert into workspaces (id, slug, name) values ($1, 'team', 'Team')", [ws]);
    await run("insert into workspace_members values ($1, $2, 'admin'), ($1, $3, 'viewer')", [ws, admin, viewer]);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("creates a user from an invitation exactly once", async () => {
    const { token, invitation } = await invite("New.Person@X.test", "editor");
    expect(invitation.email).toBe("new.person@x.test");
    expect(await describeInvitation(db.connection.db, { token })).toMatchObject({ state: "valid", role: "editor", workspaceSlug: "team", userExists: false });

    const accepted = await acceptInvitation(db.connection.db, { token, password: "a-long-enough-passphrase" });
    expect(accepted).toMatchObject({ workspaceSlug: "team", createdUser: true });
    expect(await checkPassword(db.connection.db, { email: "new.person@x.test", password: "a-long-enough-passphrase" })).toMatchObject({ id: accepted.userId });
    const [member] = await run("select role::text as role from workspace_members where workspace_id = $1 and user_id = $2", [ws, accepted.userId]);
    expect(member).toEqual({ role: "editor" });

    const again = await rejection(acceptInvitation(db.connection.db, { token, password: "a-long-enough-passphrase" }));
    expect(again.code).toBe("gone");
    expect(again.message).toMatch(/already been used/);
    expect((await describeInvitation(db.connection.db, { token }))?.state).toBe("used");
  });

  it("refuses an expired, a revoked and an unknown token, writing nothing", async () => {
    const expired = await invite("late@x.test", "viewer", new Date(Date.now() - 73 * 3600_000));
    const error = await rejection(acceptInvitation(db.connection.db, { token: expired.token, password: "a-long-enough-passphrase" }));
    expect(error.code).toBe("gone");
    expect(error.message).toMatch(/expired/);

    const revoked = await invite("withdrawn@x.test");
    await asAdmin((tx) => revokeInvitation(tx, { workspaceId: ws, actorId: admin, invitationId: revoked.invitation.id }));
    expect((await rejection(acceptInvitation(db.connection.db, { token: revoked.token, password: "a-long-enough-passphrase" }))).code).toBe("gone");

    for (const token of ["", "short", "A".repeat(43), "../../etc/passwd"]) {
      expect((await rejection(acceptInvitation(db.connection.db, { token, password: "a-long-enough-passphrase" }))).code).toBe("not_found");
    }
    const users = await run("select email from auth.users where email in ('late@x.test', 'withdrawn@x.test')");
    expect(users).toEqual([]);
  });

  it("asks an existing user to sign in as the invited email", async () => {
    const other = randomUUID();
    await run("insert into workspaces (id, slug, name) values ($1, 'other', 'Other')", [other]);
    await run("insert into workspace_members values ($1, $2, 'admin')", [other, admin]);
    const { token } = await runAsUser(db.connection, { sub: admin }, (tx) =>
      createInvitation(tx, { workspaceId: other, invitedBy: admin, email: "viewer@x.test", role: "viewer" }),
    );
    expect((await rejection(acceptInvitation(db.connection.db, { token, sessionUserId: null }))).code).toBe("unauthenticated");
    const accepted = await acceptInvitation(db.connection.db, { token, sessionUserId: viewer });
    expect(accepted).toMatchObject({ userId: viewer, createdUser: false });
  });

  it("lists only pending invitations, and only to admins", async () => {
    const { invitation } = await invite("pending@x.test");
    const pending = await asAdmin((tx) => listPendingInvitations(tx, { workspaceId: ws }));
    expect(pending.map((row) => row.id)).toContain(invitation.id);
    expect(pending.map((row) => row.email)).not.toContain("late@x.test");
    const seenByViewer = await runAsUser(db.connection, { sub: viewer }, (tx) => listPendingInvitations(tx, { workspaceId: ws }));
    expect(seenByViewer).toEqual([]);
  });

  it("never removes or demotes the last admin", async () => {
    // A workspace of its own: the admin hands over, which the other tests must not see.
    const [team, boss, deputy] = [randomUUID(), randomUUID(), randomUUID()];
    await run("insert into auth.users (id, email) values ($1, $3), ($2, $4)", [boss, deputy, `${boss}@x.test`, `${deputy}@x.test`]);
    await run("insert into workspaces (id, slug, name) values ($1, $2, 'Handover')", [team, `handover-${team.slice(0, 8)}`]);
    await run("insert into workspace_members values ($1, $2, 'admin'), ($1, $3, 'viewer')", [team, boss, deputy]);
    const asBoss = <T>(fn: Parameters<typeof runAsUser<T>>[2]) => runAsUser(db.connection, { sub: boss }, fn);
    const demote = await rejection(asBoss((tx) => changeMemberRole(tx, { workspaceId: team, actorId: boss, userId: boss, role: "viewer" })));
    expect(demote.code).toBe("conflict");
    const remove = await rejection(asBoss((tx) => removeMember(tx, { workspaceId: team, actorId: boss, userId: boss })));
    expect(remove.code).toBe("conflict");

    await asBoss((tx) => changeMemberRole(tx, { workspaceId: team, actorId: boss, userId: deputy, role: "admin" }));
    await asBoss((tx) => changeMemberRole(tx, { workspaceId: team, actorId: boss, userId: boss, role: "editor" }));
    const roles = await run("select user_id::text as id, role::text as role from workspace_members where workspace_id = $1 order by role", [team]);
    expect(roles).toEqual([{ id: deputy, role: "admin" }, { id: boss, role: "editor" }]);

    const audit = await run("select action from audit_log where workspace_id = $1 and action = 'member.role_changed'", [team]);
    expect(audit).toHaveLength(2);
  });

  it("lets a viewer change nothing", async () => {
    const reader = randomUUID();
    await run("insert into auth.users (id, email, email_confirmed_at) values ($1, 'reader@x.test', now())", [reader]);
    await run("insert into workspace_members values ($1, $2, 'viewer')", [ws, reader]);
    const asReader = <T>(fn: Parameters<typeof runAsUser<T>>[2]) => runAsUser(db.connection, { sub: reader }, fn);
    expect((await rejection(asReader((tx) => removeMember(tx, { workspaceId: ws, actorId: reader, userId: viewer })))).code).toBe("not_found");
    expect(
      (await rejection(asReader((tx) => changeMemberRole(tx, { workspaceId: ws, actorId: reader, userId: reader, role: "admin" })))).code,
    ).toBe("forbidden");
    const [member] = await run("select role::text as role from workspace_members where user_id = $1", [reader]);
    expect(member).toEqual({ role: "viewer" });
  });
  /** A workspace of its own with a verified admin, so these cases do not depend on the ones above. */
  async function freshWorkspace(slug: string) {
    const [workspaceId, adminId] = [randomUUID(), randomUUID()];
    await run("insert into auth.users (id, email, email_confirmed_at) values ($1, $2, now())", [adminId, `${slug}-admin@x.test`]);
    await run("insert into workspaces (id, slug, name) values ($1, $2, $2)", [workspaceId, slug]);
    await run("insert into workspace_members values ($1, $2, 'admin')", [workspaceId, adminId]);
    const inviteTo = (email: string, emailed = false) =>
      runAsUser(db.connection, { sub: adminId }, (tx) => createInvitation(tx, { workspaceId, invitedBy: adminId, email, role: "viewer", emailed }));
    return { workspaceId, adminId, inviteTo };
  }

  it("an account created from a link the admin was shown stays unverified; an emailed link proves the address", async () => {
    const { inviteTo } = await freshWorkspace("proof");
    const created = await acceptInvitation(db.connection.db, { token: (await inviteTo("shown@x.test")).token, password: "a-long-enough-passphrase" });
    const mailed = await inviteTo("mailed@x.test", true);
    const proven = await acceptInvitation(db.connection.db, { token: mailed.token, password: "a-long-enough-passphrase" });
    const rows = await run("select id, email_confirmed_at is not null as verified from auth.users where id in ($1, $2) order by email", [created.userId, proven.userId]);
    expect(rows).toEqual([
      { id: proven.userId, verified: true },
      { id: created.userId, verified: false },
    ]);
  });

  it("a planted (unverified) account cannot join another workspace by invitation, even signed in as it", async () => {
    const planter = await freshWorkspace("planter");
    const victim = await freshWorkspace("victim");
    const planted = await acceptInvitation(db.connection.db, { token: (await planter.inviteTo("ceo@x.test")).token, password: "a-long-enough-passphrase" });
    const elsewhere = await victim.inviteTo("ceo@x.test");
    const other = victim.workspaceId;
    const refused = await rejection(acceptInvitation(db.connection.db, { token: elsewhere.token, sessionUserId: planted.userId }));
    expect(refused.code).toBe("forbidden");
    expect(await run("select 1 from workspace_members where workspace_id = $1 and user_id = $2", [other, planted.userId])).toEqual([]);
  });

  it("never re-passwords an existing account through an invitation", async () => {
    const { token } = await (await freshWorkspace("repassword")).inviteTo("viewer@x.test");
    const signedOut = await rejection(acceptInvitation(db.connection.db, { token, password: "attacker-chosen-passphrase" }));
    expect(signedOut.code).toBe("unauthenticated");
    expect(await checkPassword(db.connection.db, { email: "viewer@x.test", password: "attacker-chosen-passphrase" })).toBeNull();
    expect(await checkPassword(db.connection.db, { email: "viewer@x.test", password: "an-old-password-1" })).toMatchObject({ id: viewer });
  });
});
