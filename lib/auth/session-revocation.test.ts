import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAsUser } from "@/lib/db/rls";
import { AppError } from "@/lib/errors";
import { createIdentity, setPassword } from "@/lib/services/auth/create-identity";
import { endMemberSessions } from "@/lib/services/members/end-member-sessions";
import { removeMember } from "@/lib/services/members/remove-member";
import { createAuthApp } from "@/tests/auth-harness";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";

const PASSWORD = "tidal-copper-orchard-9";

describe.each(ENGINES)("sessions end when they should, on %s", (engine) => {
  let db: TestDatabase;
  let app: ReturnType<typeof createAuthApp>;
  let serial = 0;
  const wsA = randomUUID();
  const wsB = randomUUID();
  let admin = "";

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    app = createAuthApp(db);
    admin = await createIdentity(db.connection.db, { email: "admin@example.test", password: PASSWORD, emailVerified: true });
    await db.connection.runner.query("insert into workspaces (id, slug, name) values ($1, 'a', 'A'), ($2, 'b', 'B')", [wsA, wsB]);
    await db.connection.runner.query("insert into workspace_members (workspace_id, user_id, role) values ($1, $3, 'admin'), ($2, $3, 'admin')", [wsA, wsB, admin]);
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function member(workspaces: string[]): Promise<{ id: string; email: string }> {
    const email = `member${++serial}@example.test`;
    const id = await createIdentity(db.connection.db, { email, password: PASSWORD, emailVerified: true });
    for (const workspace of workspaces) {
      await db.connection.runner.query("insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'viewer')", [workspace, id]);
    }
    return { id, email };
  }

  async function session(email: string): Promise<string> {
    const { sessionCookie } = await app.signIn(email, PASSWORD);
    expect(sessionCookie).not.toBeNull();
    expect(await app.apiStatus(sessionCookie!)).toBe(200);
    return sessionCookie!;
  }

  it("the old cookie gets 401 right after sign-out, and other devices stay signed in", async () => {
    const { email } = await member([wsA]);
    const laptop = await session(email);
    const phone = await session(email);
    const response = await app.signOut(laptop);
    expect(response.status).toBe(200);
    expect(await app.apiStatus(laptop)).toBe(401);
    expect(await app.apiStatus(phone)).toBe(200);
    const body = (await (await app.call({ path: "session", cookie: laptop })).json()) as { user?: unknown };
    expect(body.user).toBeUndefined();
  });

  it("a password change ends every session", async () => {
    const { id, email } = await member([wsA]);
    const [one, two] = [await session(email), await session(email)];
    await setPassword(db.connection.db, { userId: id, password: "another-long-passphrase-7" });
    expect(await app.apiStatus(one)).toBe(401);
    expect(await app.apiStatus(two)).toBe(401);
  });

  it("removal from the last workspace ends the sessions; removal from one of two does not", async () => {
    const { id, email } = await member([wsA, wsB]);
    const cookie = await session(email);
    await runAsUser(db.connection, { sub: admin }, (tx) => removeMember(tx, { workspaceId: wsA, actorId: admin, userId: id }));
    expect(await app.apiStatus(cookie)).toBe(200);
    await runAsUser(db.connection, { sub: admin }, (tx) => removeMember(tx, { workspaceId: wsB, actorId: admin, userId: id }));
    expect(await app.apiStatus(cookie)).toBe(401);
  });

  it("an admin's sign out everywhere ends the member's sessions; a non-admin cannot do it to others", async () => {
    const target = await member([wsA]);
    const other = await member([wsA]);
    const cookie = await session(target.email);
    const refused = runAsUser(db.connection, { sub: other.id }, (tx) => endMemberSessions(tx, { workspaceId: wsA, actorId: other.id, userId: target.id }));
    await expect(refused).rejects.toThrowError(AppError);
    expect(await app.apiStatus(cookie)).toBe(200);
    await runAsUser(db.connection, { sub: admin }, (tx) => endMemberSessions(tx, { workspaceId: wsA, actorId: admin, userId: target.id }));
    expect(await app.apiStatus(cookie)).toBe(401);
    // A fresh sign-in after that works again.
    expect(await app.apiStatus(await session(target.email))).toBe(200);
  });

  it("a token without a session id or version (issued before this change, or forged shape) is refused", async () => {
    const { encode } = await import("next-auth/jwt");
    const { id } = await member([wsA]);
    const legacy = await encode({ token: { sub: id }, secret: app.options.secret! });
    expect(await app.apiStatus(`next-auth.session-token=${legacy}`)).toBe(401);
  });
});
