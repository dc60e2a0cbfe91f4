import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { passwordResets } from "@/lib/db/session-tables";
import { AppError } from "@/lib/errors";
import { findEmailByUserId, markEmailVerified, setPassword } from "@/lib/services/auth/create-identity";
import { hashResetToken, resetTokenPattern } from "./reset-token";

/** The account a reset link is for, or null when it is unknown, used or expired. */
export async function describeResetToken(db: Db, { token, now = new Date() }: { token: string; now?: Date }): Promise<{ email: string } | null> {
  if (!resetTokenPattern.test(token)) return null;
  const [row] = await db.select().from(passwordResets).where(eq(passwordResets.tokenHash, hashResetToken(token)));
  if (!row || row.usedAt || row.expiresAt <= now) return null;
  const email = await findEmailByUserId(db, row.userId);
  return email ? { email } : null;
}

/**
 * Single use, in one transaction with the token row locked. The new password ends every session
 * (setPassword). An emailed link also proves the address; one an admin was shown does not.
 */
export async function resetPassword(db: Db, input: { token: string; password: string; now?: Date }): Promise<{ userId: string }> {
  const now = input.now ?? new Date();
  if (!resetTokenPattern.test(input.token)) throw new AppError("gone");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(passwordResets)
      .where(and(eq(passwordResets.tokenHash, hashResetToken(input.token)), isNull(passwordResets.usedAt)))
      .for("update");
    if (!row || row.expiresAt <= now) throw new AppError("gone", "This reset link has expired or was already used. Ask for a new one.");
    await setPassword(tx, { userId: row.userId, password: input.password });
    if (row.issuedBy === null) await markEmailVerified(tx, row.userId);
    await tx.update(passwordResets).set({ usedAt: now }).where(eq(passwordResets.userId, row.userId));
    return { userId: row.userId };
  });
}
