import { desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { auditLog, profiles } from "@/lib/db/schema";

/** Admins only, by RLS: others get an empty list. */
export async function listAuditLog(db: Db, { workspaceId, limit = 200 }: { workspaceId: string; limit?: number }) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      details: auditLog.details,
      actorId: auditLog.actorId,
      actorName: profiles.displayName,
    })
    .from(auditLog)
    .leftJoin(profiles, eq(profiles.userId, auditLog.actorId))
    .where(eq(auditLog.workspaceId, workspaceId))
    .orderBy(desc(auditLog.at))
    .limit(limit);
}
