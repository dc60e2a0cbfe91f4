import { asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { profiles, workspaceMembers } from "@/lib/db/schema";

export async function listMembers(db: Db, workspaceId: string) {
  return db
    .select({
      userId: workspaceMembers.userId,
      role: workspaceMembers.role,
      displayName: profiles.displayName,
      joinedAt: workspaceMembers.createdAt,
    })
    .from(workspaceMembers)
    .leftJoin(profiles, eq(profiles.userId, workspaceMembers.userId))
    .where(eq(workspaceMembers.workspaceId, workspaceId))
    .orderBy(asc(workspaceMembers.role), asc(profiles.displayName));
}
