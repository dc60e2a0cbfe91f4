import { and, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { totpRecoveryCodes, userTotp } from "@/lib/db/session-tables";
import { recordUserEvent } from "@/lib/services/audit/record-user-event";
import { endAllSessions } from "@/lib/services/auth/session-state";
import { hashRecoveryCode, looksLikeTotp, matchTotp, normalizeCode, openSecret } from "./totp";

/** `none`: the user has no second factor; `missing`: they have one and no code came. */
export type SecondFactorOutcome = "none" | "missing" | "wrong" | "totp" | "recovery";

/**
 * Checks and consumes a code: a TOTP step is remembered so it never works twice (the update is
 * conditional, so two concurrent uses cannot both win); a recovery code works once and ends every
 * session of the user (the caller issues a new one after this).
 */
export async function redeemSecondFactor(db: Db, input: { userId: string; code: string | null | undefined }): Promise<SecondFactorOutcome> {
  const [row] = await db
    .select({ sealed: userTotp.secretCiphertext, lastUsedStep: userTotp.lastUsedStep })
    .from(userTotp)
    .where(and(eq(userTotp.userId, input.userId), isNotNull(userTotp.enabledAt)));
  if (!row) return "none";
  const code = normalizeCode(input.code ?? "");
  if (code === "") return "missing";
  if (looksLikeTotp(code)) {
    const step = await matchTotp(openSecret(row.sealed, input.userId), code, row.lastUsedStep);
    if (step === null) return "wrong";
    const claimed = await db
      .update(userTotp)
      .set({ lastUsedStep: step, updatedAt: new Date() })
      .where(and(eq(userTotp.userId, input.userId), or(isNull(userTotp.lastUsedStep), lt(userTotp.lastUsedStep, step))))
      .returning({ userId: userTotp.userId });
    return claimed.length === 1 ? "totp" : "wrong";
  }
  return db.transaction(async (tx) => {
    const used = await tx
      .update(totpRecoveryCodes)
      .set({ usedAt: new Date() })
      .where(and(eq(totpRecoveryCodes.userId, input.userId), eq(totpRecoveryCodes.codeHash, hashRecoveryCode(code)), isNull(totpRecoveryCodes.usedAt)))
      .returning({ userId: totpRecoveryCodes.userId });
    if (used.length === 0) return "wrong";
    await endAllSessions(tx, input.userId);
    await recordUserEvent(tx, { userId: input.userId, action: "user.recovery_code_used" });
    return "recovery";
  });
}
