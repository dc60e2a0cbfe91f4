import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAsUser } from "@/lib/db/rls";
import { AppError } from "@/lib/errors";
import { createRateLimiters } from "@/lib/rate-limit/rate-limiters";
import { createIdentity, isEmailVerified } from "@/lib/services/auth/create-identity";
import { currentSessionVersion } from "@/lib/services/auth/session-state";
import { checkPassword } from "@/lib/services/auth/verify-password";
import { issueResetLink } from "@/lib/services/password-resets/issue-reset-link";
import { describeResetToken, resetPassword } from "@/lib/services/password-resets/reset-password";
import { requestPasswordReset } from "@/lib/services/password-resets/request-password-reset";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";
import { startSmtpSink } from "@/tests/smtp-sink";

const APP = "https://reach.example.org";
const OLD = "an-old-long-passphrase-1";
const NEW = "a-brand-new-passphrase-2";

describe.each(ENGINES)("password reset on %s", (engine) => {
  let db: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  const run = (text: string, params: unknown[] = []) => db.connection.runner.query(text, params);
  const tokenFrom = (data: string) => /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(data.replace(/=\r?\n/g, ""))?.[1];

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    smtp = await startSmtpSink();
  });
  afterAll(async () => {
    await smtp?.close();
    await db?.drop();
  });

  it("emails a single-use link; using it sets the password, proves the address and ends every session", async () => {
    const userId = await createIdentity(db.connection.db, { email: "forgetful@example.test", password: OLD, emailVerified: false });
    const before = await currentSessionVersion(db.connection.db, userId);
    const mail = { smtpUrl: smtp.smtpUrl, from: "Reach <no-reply@example.test>" };
    expect(await requestPasswordReset(db.connection.db, { email: " Forgetful@Example.test ", appUrl: APP, mail })).toEqual({ sent: true });
    const message = smtp.received.at(-1)!;
    expect(message.to).toEqual(["forgetful@example.test"]);
    const token = tokenFrom(message.data)!;
    expect(await describeResetToken(db.connection.db, { token })).toEqual({ email: "forgetful@example.test" });

    await resetPassword(db.connection.db, { token, password: NEW });
    expect(await checkPassword(db.connection.db, { email: "forgetful@example.test", password: NEW })).toMatchObject({ id: userId });
    expect(await checkPassword(db.connection.db, { email: "forgetful@example.test", password: OLD })).toBeNull();
    expect(await currentSessionVersion(db.connection.db, userId)).toBeGreaterThan(before);
    expect(await isEmailVerified(db.connection.db, userId)).toBe(true);
    await expect(resetPassword(db.connection.db, { token, password: "yet-another-passphrase-3" })).rejects.toMatchObject({ code: "gone" });
  });

  it("expires after 30 minutes, and says nothing about unknown addresses", async () => {
    await createIdentity(db.connection.db, { email: "late@example.test", password: OLD, emailVerified: true });
    const mail = { smtpUrl: smtp.smtpUrl, from: "Reach <no-reply@example.test>" };
    const issuedAt = new Date("2030-01-01T10:00:00Z");
    await requestPasswordReset(db.connection.db, { email: "late@example.test", appUrl: APP, mail, now: issuedAt });
    const token = tokenFrom(smtp.received.at(-1)!.data)!;
    const late = new Date(issuedAt.getTime() + 31 * 60_000);
    await expect(resetPassword(db.connection.db, { token, password: NEW, now: late })).rejects.toMatchObject({ code: "gone" });
    const count = smtp.received.length;
    expect(await requestPasswordReset(db.connection.db, { email: "nobody@example.test", appUrl: APP, mail })).toEqual({ sent: false });
    expect(smtp.received.length).toBe(count);
  });

  it("an admin issues a link only for a member whose every workspace they administer; it does not prove the address", async () => {
    const [solo, shared, adminA, adminB] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const member = await createIdentity(db.connection.db, { email: "member@example.test", password: OLD, emailVerified: false });
    const roaming = await createIdentity(db.connection.db, { email: "roaming@example.test", password: OLD, emailVerified: true });
    for (const id of [adminA, adminB]) await run("insert into auth.users (id, email) values ($1, $2)", [id, `${id}@example.test`]);
    await run("insert into workspaces (id, slug, name) values ($1, $3, 'A'), ($2, $4, 'B')", [solo, shared, `a-${solo}`, `b-${shared}`]);
    await run("insert into workspace_members values ($1, $2, 'admin'), ($1, $3, 'viewer'), ($1, $4, 'viewer'), ($5, $6, 'admin'), ($5, $4, 'admin')", [solo, adminA, member, roaming, shared, adminB]);

    const { token } = await runAsUser(db.connection, { sub: adminA }, (tx) => issueResetLink(tx, { workspaceId: solo, actorId: adminA, userId: member }));
    await resetPassword(db.connection.db, { token, password: NEW });
    expect(await checkPassword(db.connection.db, { email: "member@example.test", password: NEW })).toMatchObject({ id: member });
    expect(await isEmailVerified(db.connection.db, member)).toBe(false);

    const refused = await runAsUser(db.connection, { sub: adminA }, (tx) => issueResetLink(tx, { workspaceId: solo, actorId: adminA, userId: roaming })).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("forbidden");
    expect(await checkPassword(db.connection.db, { email: "roaming@example.test", password: OLD })).toMatchObject({ id: roaming });
  });

  it("rate-limits reset requests per email", async () => {
    const limiters = createRateLimiters({ kind: "drizzle", db: db.connection.db }, { keyPrefix: `test-${randomUUID()}:` });
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push((await limiters.consume("resetEmail", "someone@example.test")).allowed);
    expect(verdicts).toEqual([true, true, true, false]);
  });
});
