import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { totpRecoveryCodes, userTotp } from "@/lib/db/session-tables";
import { AppError } from "@/lib/errors";
import { recordUserEvent } from "@/lib/services/audit/record-user-event";
import { endAllSessions } from "@/lib/services/auth/session-state";
import { hashRecoveryCode, matchTotp, newRecoveryCodes, normalizeCode, openSecret } from "./totp";

/**
 * Turns the pending secret on once a code from the device matches, and returns ten recovery codes
 * (only their hashes are kept). Every session ends: from now on each one must have passed the code.
 */
export async function confirmTwoFactor(db: Db, input: { userId: string; code: string }): Promise<{ recoveryCodes: string[] }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(userTotp).where(eq(userTotp.userId, input.userId)).for("update");
    if (!row) throw new AppError("conflict", "Start the set-up first.");
    if (row.enabledAt) throw new AppError("conflict", "Two-factor sign-in is already on.");
    const step = await matchTotp(openSecret(row.secretCiphertext, input.userId), normalizeCode(input.code), null);
    if (step === null) throw new AppError("invalid_input", "That code does not match. Check your device's clock and try the current code.");
    await tx.update(userTotp).set({ enabledAt: new Date(), lastUsedStep: step, updatedAt: new Date() }).where(eq(userTotp.userId, input.userId));
    const recoveryCodes = newRecoveryCodes();
    await tx.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, input.userId));
    await tx.insert(totpRecoveryCodes).values(recoveryCodes.map((code) => ({ userId: input.userId, codeHash: hashRecoveryCode(code) })));
    await endAllSessions(tx, input.userId);
    await recordUserEvent(tx, { userId: input.userId, action: "user.two_factor_enabled" });
    return { recoveryCodes };
  });
}
