import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { totpRecoveryCodes, userTotp } from "@/lib/db/session-tables";
import { recordUserEvent } from "@/lib/services/audit/record-user-event";
import { endAllSessions } from "@/lib/services/auth/session-state";

/**
 * Removes the secret and the recovery codes; the caller has already checked a current code or the
 * password. Every session ends, so no session outlives the factor it was opened with.
 */
export async function disableTwoFactor(db: Db, input: { userId: string; proof: "code" | "password" }): Promise<void> {
  await db.transaction(async (tx) => {
    const removed = await tx.delete(userTotp).where(eq(userTotp.userId, input.userId)).returning({ enabledAt: userTotp.enabledAt });
    await tx.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, input.userId));
    if (!removed[0]?.enabledAt) return;
    await endAllSessions(tx, input.userId);
    await recordUserEvent(tx, { userId: input.userId, action: "user.two_factor_disabled", details: { proof: input.proof } });
  });
}
