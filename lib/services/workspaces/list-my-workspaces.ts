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

/** A workspace's own settings, as every workspace service returns them. */
export const workspaceColumns = {
  id: workspaces.id,
  slug: workspaces.slug,
  name: workspaces.name,
  timezone: workspaces.timezone,
  snapshotTime: workspaces.snapshotTime,
  requireTwoFactor: workspaces.requireTwoFactor,
};

/** The caller's workspaces with their role in each; RLS limits both tables to the caller's. */
export async function listMyWorkspaces(db: Db): Promise<MyWorkspace[]> {
  return db
    .select({ ...workspaceColumns, role: workspaceMembers.role })
    .from(workspaces)
    .innerJoin(workspaceMembers, eq(workspaceMembers.workspaceId, workspaces.id))
    .where(eq(workspaceMembers.userId, sql`(select auth.uid())`))
    .orderBy(asc(workspaces.name));
}
