import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { asServiceWithin } from "@/lib/db/rls";
import { rowsOf } from "@/lib/db/rows";
import { workspaceMembers } from "@/lib/db/schema";
import { passwordResets } from "@/lib/db/session-tables";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { newResetToken, RESET_TTL_MINUTES } from "./reset-token";

/**
 * Embedded mode (no SMTP): an admin gets a one-time reset link to hand to a member. Only for a
 * member whose every workspace the admin also administers, or the admin would gain the member's
 * access elsewhere. The link is returned once; only its hash is stored.
 */
export async function issueResetLink(
  db: Db,
  input: { workspaceId: string; actorId: string; userId: string; now?: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const [member] = await db
    .select({ userId: workspaceMembers.userId })
    .from(workspaceMembers)
    .where(sql`${workspaceMembers.workspaceId} = ${input.workspaceId} and ${workspaceMembers.userId} = ${input.userId}`);
  if (!member) throw new AppError("not_found", "No such member.");
  const now = input.now ?? new Date();
  const { token, tokenHash } = newResetToken();
  const expiresAt = new Date(now.getTime() + RESET_TTL_MINUTES.adminIssued * 60_000);
  await asServiceWithin(db, async (service) => {
    // Every membership of the member, across all workspaces: visible only on the service path.
    const [scope] = rowsOf<{ outside: number }>(
      await service.execute(sql`
        select count(*)::int as outside from public.workspace_members m
        where m.user_id = ${input.userId}
          and not exists (select 1 from public.workspace_members a
                          where a.workspace_id = m.workspace_id and a.user_id = ${input.actorId} and a.role = 'admin')`),
    );
    if (Number(scope?.outside ?? 1) > 0) {
      throw new AppError("forbidden", "This member also belongs to workspaces you do not administer; ask them to use “Forgot password”, or your Reach operator.");
    }
    await service.delete(passwordResets).where(eq(passwordResets.userId, input.userId));
    await service.insert(passwordResets).values({ tokenHash, userId: input.userId, issuedBy: input.actorId, expiresAt, createdAt: now });
  });
  await recordAudit(db, { workspaceId: input.workspaceId, actorId: input.actorId, action: "member.reset_link_issued", entity: "workspace_member", entityId: input.userId });
  return { token, expiresAt };
}
