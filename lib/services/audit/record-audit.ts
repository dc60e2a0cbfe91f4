import type { Db } from "@/lib/db/client";
import { asServiceWithin } from "@/lib/db/rls";
import { auditLog } from "@/lib/db/schema";

export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "invitation.created"
  | "invitation.revoked"
  | "invitation.accepted"
  | "member.role_changed"
  | "member.removed"
  | "member.sessions_ended"
  | "member.reset_link_issued"
  | "workspace.updated"
  | "workspace.two_factor_requirement_changed"
  | "user.two_factor_enabled"
  | "user.two_factor_disabled"
  | "user.recovery_code_used"
  | "user.created"
  | "account.created"
  | "account.updated"
  | "account.deleted"
  | "accounts.imported"
  | "sheet.connected"
  | "sheet.updated"
  | "sheet.disconnected"
  | "webhook.created"
  | "webhook.updated"
  | "webhook.deleted"
  | "alert_channel.created"
  | "alert_channel.updated"
  | "alert_channel.deleted";

export interface AuditEntry {
  workspaceId: string | null;
  actorId: string | null;
  action: AuditAction;
  entity: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Appends to audit_log, on the service path even inside a user's transaction (users cannot insert
 * there, so nobody forges history), atomically with the change it records. Details must never hold
 * passwords, tokens or cookies.
 */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await asServiceWithin(db, (service) => service.insert(auditLog).values({
    workspaceId: entry.workspaceId,
    actorId: entry.actorId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    details: entry.details ?? {},
  }));
}
