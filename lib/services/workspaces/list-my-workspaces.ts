import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { workspaceMembers, workspaces } from "@/lib/db/schema";
import type { Role } from "@/lib/domain/roles";

export interface MyWorkspace {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  snapshotTime: string | null;
  requireTwoFactor: boolean;
  role: Role;
}

/** The caller's workspaces with their role in each; RLS limits both tables to the caller's. */
export async function listMyWorkspaces(db: Db): Promise<MyWorkspace[]> {
  return db
    .select({
      id: workspaces.id,
      slug: workspaces.slug,
      name: workspaces.name,
      timezone: workspaces.timezone,
      snapshotTime: workspaces.snapshotTime,
      requireTwoFactor: workspaces.requireTwoFactor,
      role: workspaceMembers.role,
    })
    .from(workspaces)
    .innerJoin(workspaceMembers, eq(workspaceMembers.workspaceId, workspaces.id))
    .where(eq(workspaceMembers.userId, sql`(select auth.uid())`))
    .orderBy(asc(workspaces.name));
}
