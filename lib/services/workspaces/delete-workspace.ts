import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { asServiceWithin } from "@/lib/db/rls";
import { tiktokSlides, workspaces } from "@/lib/db/schema";
import { lockWorkspaceRollups } from "@/lib/db/workspace-rollup-lock";
import { AppError } from "@/lib/errors";
import type { Storage } from "@/lib/storage/storage";

/**
 * An admin (checked here, under RLS) deletes their workspace: every row cascades from it (accounts, snapshots, posts, slides,
 * runs, logs, invitations, audit). Returns the stored slide paths, which the caller removes once
 * this transaction has committed, so no row ever points at a missing file.
 */
export async function deleteWorkspaceRows(db: Db, input: { workspaceId: string; confirmSlug: string }): Promise<string[]> {
  const [workspace] = await db
    .select({ slug: workspaces.slug })
    .from(workspaces)
    .where(and(eq(workspaces.id, input.workspaceId), sql`${workspaces.id} in (select private.workspace_ids_with_role('admin'))`));
  if (!workspace) throw new AppError("forbidden");
  if (input.confirmSlug !== workspace.slug) throw new AppError("invalid_input", "Type the workspace's slug to confirm.");
  const slides = await db
    .select({ path: tiktokSlides.storagePath })
    .from(tiktokSlides)
    .where(and(eq(tiktokSlides.workspaceId, input.workspaceId), isNotNull(tiktokSlides.storagePath)));
  // No role may delete a workspace row directly; the caller was just checked to be its admin. The
  // rollups' lock comes before the row's, as for every writer of the posts.
  await lockWorkspaceRollups(db, input.workspaceId);
  await asServiceWithin(db, (service) => service.delete(workspaces).where(eq(workspaces.id, input.workspaceId)));
  return slides.flatMap((slide) => (slide.path ? [slide.path] : []));
}

const DELETE_BATCH = 16;

/** After the commit: the workspace's slide files go too. */
export async function deleteStoredSlides(storage: Storage, paths: string[]): Promise<void> {
  for (let start = 0; start < paths.length; start += DELETE_BATCH) {
    await Promise.all(paths.slice(start, start + DELETE_BATCH).map((path) => storage.delete(path)));
  }
}
