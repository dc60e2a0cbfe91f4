import type { Connection } from "@/lib/db/client";
import type { Storage } from "@/lib/storage/storage";
import { ACME_USER, DEMO_USERS } from "./demo-users";
import { mapLimit } from "./map-limit";
import { DEMO_WORKSPACES } from "./seed-demo";

const DELETE_CONCURRENCY = 16;

/**
 * Removes the demo workspaces (everything in them cascades), the demo users and their slide files,
 * leaving any other workspace untouched. Files go after the rows commit, so no row points at a hole.
 */
export async function resetDemo(connection: Connection, storage: Storage): Promise<{ workspaces: number; files: number }> {
  const slugs = DEMO_WORKSPACES.map((workspace) => workspace.slug);
  const emails = [...DEMO_USERS, ACME_USER].map((user) => user.email.toLowerCase());
  const { workspaces, paths } = await connection.runner.transaction(async (tx) => {
    const slides = await tx.query<{ storage_path: string }>(
      `select s.storage_path from tiktok_slides s join workspaces w on w.id = s.workspace_id
       where w.slug = any($1::text[]) and s.storage_path is not null`,
      [slugs],
    );
    // The rollups' lock before the rows', as deleteWorkspaceRows takes it.
    await tx.query("select private.lock_workspace_rollups(array(select id from workspaces where slug = any($1::text[])))", [slugs]);
    const deleted = await tx.query<{ id: string }>("delete from workspaces where slug = any($1::text[]) returning id", [slugs]);
    await tx.query("delete from auth.users where lower(email) = any($1::text[])", [emails]);
    return { workspaces: deleted.length, paths: slides.map((slide) => slide.storage_path) };
  });
  await mapLimit(paths, DELETE_CONCURRENCY, (path) => storage.delete(path));
  return { workspaces, files: paths.length };
}
