import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { createIdentity } from "@/lib/services/auth/create-identity";
import { currentSessionVersion } from "@/lib/services/auth/session-state";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";
import { BASE_EPOCH, codeAt, setClock, wrongCodeAt } from "@/tests/totp-clock";
import { confirmTwoFactor } from "./confirm-two-factor";
import { disableTwoFactor } from "./disable-two-factor";
import { getTwoFactorStatus } from "./get-two-factor-status";
import { redeemSecondFactor } from "./redeem-second-factor";
import { startTwoFactorEnrolment } from "./start-two-factor-enrolment";
import { openSecret, sealSecret } from "./totp";

const PASSWORD = "tidal-copper-orchard-9";

describe.each(ENGINES)("two-factor sign-in state on %s", (engine) => {
  let db: TestDatabase;
  const workspace = randomUUID();
  let serial = 0;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await db.connection.runner.query("insert into workspaces (id, slug, name) values ($1, 'tf', 'TF')", [workspace]);
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function user(): Promise<{ id: string; email: string }> {
    const email = `tf${++serial}@example.test`;
    const id = await createIdentity(db.connection.db, { email, password: PASSWORD, emailVerified: true });
    await db.connection.runner.query("insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'viewer')", [workspace, id]);
    return { id, email };
  }

  /** Enrols at BASE_EPOCH; the next usable code is from a later step. */
  async function enrolled() {
    const who = await user();
    setClock(BASE_EPOCH);
    const { secret } = await startTwoFactorEnrolment(db.connection.db, { userId: who.id, email: who.email });
    const { recoveryCodes } = await confirmTwoFactor(db.connection.db, { userId: who.id, code: await codeAt(secret, BASE_EPOCH) });
    return { ...who, secret, recoveryCodes };
  }

  const redeem = (userId: string, code: string | null) => redeemSecondFactor(db.connection.db, { userId, code });
  const auditActions = async (userId: string) =>
    (await db.connection.runner.query<{ action: string }>("select action from audit_log where entity_id = $1 order by at", [userId])).map((row) => row.action);

  it("enrols: a secret and otpauth URI shown once, off until a code confirms it, then ten recovery codes", async () => {
    const who = await user();
    setClock(BASE_EPOCH);
    const enrolment = await startTwoFactorEnrolment(db.connection.db, { userId: who.id, email: who.email });
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(enrolment.uri);
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({ secret: enrolment.secret, issuer: "Reach" });
    // otplib leaves out parameters at their RFC 6238 defaults, which is what every app assumes.
    expect([uri.searchParams.get("algorithm") ?? "SHA1", uri.searchParams.get("digits") ?? "6", uri.searchParams.get("period") ?? "30"]).toEqual(["SHA1", "6", "30"]);
    expect(enrolment.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(enrolment.qrCode.split(",")[1]!, "base64").toString()).toContain("<svg");
    expect((await getTwoFactorStatus(db.connection.db, who.id)).enabled).toBe(false);
    // Not on yet: the password alone still signs in.
    expect(await redeem(who.id, null)).toBe("none");

    const wrong = confirmTwoFactor(db.connection.db, { userId: who.id, code: await wrongCodeAt(enrolment.secret, BASE_EPOCH) });
    await expect(wrong).rejects.toMatchObject({ code: "invalid_input" });
    const versionBefore = await currentSessionVersion(db.connection.db, who.id);
    const { recoveryCodes } = await confirmTwoFactor(db.connection.db, { userId: who.id, code: await codeAt(enrolment.secret, BASE_EPOCH) });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/);
    expect(await getTwoFactorStatus(db.connection.db, who.id)).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect(await currentSessionVersion(db.connection.db, who.id)).toBe(versionBefore + 1);
    expect(await auditActions(who.id)).toContain("user.two_factor_enabled");
    // Enabled: a new enrolment is refused until it is turned off.
    await expect(startTwoFactorEnrolment(db.connection.db, { userId: who.id, email: who.email })).rejects.toBeInstanceOf(AppError);
  });

  it("stores the secret encrypted and the recovery codes hashed, never in plain text", async () => {
    const { id, secret, recoveryCodes } = await enrolled();
    const [row] = await db.connection.runner.query<{ secret_ciphertext: string }>("select secret_ciphertext from private.user_totp where user_id = $1", [id]);
    expect(row!.secret_ciphertext).not.toContain(secret);
    expect(row!.secret_ciphertext).not.toContain(Buffer.from(secret).toString("base64"));
    expect(row!.secret_ciphertext).toMatch(/^v1\./);
    expect(openSecret(row!.secret_ciphertext, id)).toBe(secret);
    // Bound to its user: the same ciphertext does not open for anyone else.
    expect(() => openSecret(row!.secret_ciphertext, randomUUID())).toThrow();
    const dump = JSON.stringify(await db.connection.runner.query("select * from private.totp_recovery_codes where user_id = $1", [id]));
    for (const code of recoveryCodes) {
      expect(dump).not.toContain(code);
      expect(dump).not.toContain(code.replaceAll("-", ""));
    }
    // Two seals of one secret differ (fresh IV each time).
    expect(sealSecret(secret, id)).not.toBe(sealSecret(secret, id));
  });

  it("accepts the codes of the previous, current and next 30-second step, and no further", async () => {
    const now = BASE_EPOCH + 150;
    for (const [offset, expected] of [
      [-60, "wrong"],
      [-30, "totp"],
      [0, "totp"],
      [30, "totp"],
      [60, "wrong"],
    ] as const) {
      const { id, secret } = await enrolled();
      setClock(now);
      expect(await redeem(id, await codeAt(secret, now + offset)), `offset ${offset}`).toBe(expected);
    }
  });

  it("never accepts a code twice, nor an older step once a newer one was used", async () => {
    const { id, secret } = await enrolled();
    const now = BASE_EPOCH + 120;
    // Enrolment consumed its own step: that code is refused later in the same step.
    setClock(BASE_EPOCH + 15);
    expect(await redeem(id, await codeAt(secret, BASE_EPOCH))).toBe("wrong");
    setClock(now);
    const current = await codeAt(secret, now);
    expect(await redeem(id, current)).toBe("totp");
    expect(await redeem(id, current)).toBe("wrong");
    expect(await redeem(id, await codeAt(secret, now - 30))).toBe("wrong");
    // Two racing uses of one fresh code: exactly one wins.
    setClock(now + 30);
    const next = await codeAt(secret, now + 30);
    const outcomes = await Promise.all([redeem(id, next), redeem(id, next)]);
    expect(outcomes.sort()).toEqual(["totp", "wrong"]);
  });

  it("a recovery code works once, in any spelling, and ends every session", async () => {
    const { id, recoveryCodes } = await enrolled();
    const before = await currentSessionVersion(db.connection.db, id);
    expect(await redeem(id, ` ${recoveryCodes[0]!.toUpperCase()} `)).toBe("recovery");
    expect(await currentSessionVersion(db.connection.db, id)).toBe(before + 1);
    expect(await redeem(id, recoveryCodes[0]!)).toBe("wrong");
    expect(await redeem(id, recoveryCodes[0]!.replaceAll("-", ""))).toBe("wrong");
    expect(await redeem(id, "0000-0000-0000")).toBe("wrong");
    expect((await getTwoFactorStatus(db.connection.db, id)).recoveryCodesLeft).toBe(9);
    expect(await auditActions(id)).toContain("user.recovery_code_used");
    // Another user's code is not this user's.
    const other = await enrolled();
    expect(await redeem(id, other.recoveryCodes[0]!)).toBe("wrong");
  });

  it("without a code, an enrolled user is told one is missing", async () => {
    const { id } = await enrolled();
    expect(await redeem(id, null)).toBe("missing");
    expect(await redeem(id, "  ")).toBe("missing");
  });

  it("turning it off removes the secret and the codes, ends every session and is audited", async () => {
    const { id, recoveryCodes } = await enrolled();
    const before = await currentSessionVersion(db.connection.db, id);
    await disableTwoFactor(db.connection.db, { userId: id, proof: "password" });
    expect(await getTwoFactorStatus(db.connection.db, id)).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect(await redeem(id, recoveryCodes[1]!)).toBe("none");
    expect(await currentSessionVersion(db.connection.db, id)).toBe(before + 1);
    expect(await auditActions(id)).toContain("user.two_factor_disabled");
    const [{ n } = { n: -1 }] = await db.connection.runner.query<{ n: number }>(
      "select (select count(*) from private.user_totp where user_id = $1) + (select count(*) from private.totp_recovery_codes where user_id = $1) as n",
      [id],
    );
    expect(Number(n)).toBe(0);
  });

  it("deleting the account deletes its second factor", async () => {
    const { id } = await enrolled();
    await db.connection.runner.query("delete from auth.users where id = $1", [id]);
    const rows = await db.connection.runner.query("select 1 from private.user_totp where user_id = $1 union all select 1 from private.totp_recovery_codes where user_id = $1", [id]);
    expect(rows).toHaveLength(0);
  });
});
