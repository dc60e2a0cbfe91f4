import { asc, eq } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { profiles, workspaceMembers } from "@/lib/db/schema";

export async function listMembers(tx: Tx, workspaceId: string) {
  return tx
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
