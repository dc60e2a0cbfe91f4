import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { accounts } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";

/** Deletes an account and, by cascade, its snapshot history; deactivating keeps the history. */
export async function deleteAccount(db: Db, input: { workspaceId: string; actorId: string | null; accountId: string }) {
  const [removed] = await db
    .delete(accounts)
    .where(and(eq(accounts.workspaceId, input.workspaceId), eq(accounts.id, input.accountId)))
    .returning({ platform: accounts.platform, handle: accounts.handle });
  if (!removed) throw new AppError("not_found", "No such account.");
  await recordAudit(db, {
    workspaceId: input.workspaceId,
    actorId: input.actorId,
    action: "account.deleted",
    entity: "account",
    entityId: input.accountId,
    details: removed,
  });
}
