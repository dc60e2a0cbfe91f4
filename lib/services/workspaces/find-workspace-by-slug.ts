import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { workspaces } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/** The service path's lookup (CLIs, jobs, admin tools): any workspace by slug, whoever asks; null when none. */
export async function findWorkspaceBySlug(db: Db, slug: string): Promise<{ id: string } | null> {
  const [workspace] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, slug));
  return workspace ?? null;
}

/** findWorkspaceBySlug, or `not_found` naming the slug. */
export async function requireWorkspaceBySlug(db: Db, slug: string): Promise<{ id: string }> {
  const workspace = await findWorkspaceBySlug(db, slug);
  if (!workspace) throw new AppError("not_found", `No workspace "${slug}".`);
  return workspace;
}
