import { asc, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { workspaces } from "@/lib/db/schema";
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

/**
 * The caller's workspaces with their role in each, from private.my_memberships(): a user's
 * memberships, or an API token's one workspace and role. RLS limits workspaces to the same set.
 */
export async function listMyWorkspaces(db: Db): Promise<MyWorkspace[]> {
  const role = sql<Role>`m.role`.as("role");
  return db
    .select({ ...workspaceColumns, role })
    .from(workspaces)
    .innerJoin(sql`private.my_memberships() m`, sql`m.workspace_id = ${workspaces.id}`)
    .orderBy(asc(workspaces.name));
}
