import { eq, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { authUsers } from "@/lib/db/auth-schema";
import { auditLog, invitations, profiles, workspaceMembers, workspaces } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { getTwoFactorStatus } from "@/lib/services/two-factor/get-two-factor-status";

/** Everything Reach stores about the signed-in user (service path, filtered by their id only). */
export async function exportMyData(db: Db, userId: string) {
  const [user] = await db
    .select({ id: authUsers.id, email: authUsers.email, createdAt: authUsers.createdAt, lastSignInAt: authUsers.lastSignInAt, emailConfirmedAt: authUsers.emailConfirmedAt })
    .from(authUsers)
    .where(eq(authUsers.id, userId));
  if (!user) throw new AppError("not_found", "No such account.");
  const [profile] = await db.select({ displayName: profiles.displayName }).from(profiles).where(eq(profiles.userId, userId));
  const memberships = await db
    .select({ workspace: workspaces.slug, name: workspaces.name, role: workspaceMembers.role, since: workspaceMembers.createdAt })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(eq(workspaceMembers.userId, userId));
  const invited = await db
    .select({ workspaceId: invitations.workspaceId, role: invitations.role, createdAt: invitations.createdAt, acceptedAt: invitations.acceptedAt })
    .from(invitations)
    .where(or(eq(invitations.acceptedBy, userId), sql`lower(${invitations.email}) = lower(${user.email ?? ""})`));
  const activity = await db
    .select({ at: auditLog.at, action: auditLog.action, entity: auditLog.entity, entityId: auditLog.entityId, details: auditLog.details })
    .from(auditLog)
    .where(or(eq(auditLog.actorId, userId), sql`${auditLog.entity} = 'user' and ${auditLog.entityId} = ${userId}`));
  // Whether a second factor is on, never its secret or recovery codes.
  const twoFactor = await getTwoFactorStatus(db, userId);
  return { exportedAt: new Date().toISOString(), account: user, profile: profile ?? null, twoFactor, memberships, invitations: invited, activity };
}
