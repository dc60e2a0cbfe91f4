import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { totpRecoveryCodes, userTotp } from "@/lib/db/session-tables";

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: Date | null;
  recoveryCodesLeft: number;
}

/** The user's own second-factor state, without the secret (service path, their id only). */
export async function getTwoFactorStatus(db: Db, userId: string): Promise<TwoFactorStatus> {
  const [row] = await db.select({ enabledAt: userTotp.enabledAt }).from(userTotp).where(eq(userTotp.userId, userId));
  const [left] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(totpRecoveryCodes)
    .where(and(eq(totpRecoveryCodes.userId, userId), isNull(totpRecoveryCodes.usedAt)));
  const enabledAt = row?.enabledAt ?? null;
  return { enabled: enabledAt !== null, enabledAt, recoveryCodesLeft: enabledAt ? Number(left?.n ?? 0) : 0 };
}

/** Inside the caller's RLS transaction: whether their own second factor is on. */
export async function myTwoFactorEnabled(db: Db): Promise<boolean> {
  const [row] = rowsOf<{ enabled: boolean }>(await db.execute(sql`select private.my_two_factor_enabled() as enabled`));
  return row?.enabled === true;
}
