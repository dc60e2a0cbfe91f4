import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { workspaceMembers } from "@/lib/db/schema";
import { recordAudit, type AuditAction } from "./record-audit";

/** An event on a user's own account, logged once per workspace so each workspace's admins see it. */
export async function recordUserEvent(
  db: Db,
  input: { userId: string; action: AuditAction; details?: Record<string, unknown> },
): Promise<void> {
  const rows = await db.select({ workspaceId: workspaceMembers.workspaceId }).from(workspaceMembers).where(eq(workspaceMembers.userId, input.userId));
  const targets = rows.length > 0 ? rows.map((row) => row.workspaceId) : [null];
  for (const workspaceId of targets) {
    await recordAudit(db, { workspaceId, actorId: input.userId, action: input.action, entity: "user", entityId: input.userId, details: input.details });
  }
}
