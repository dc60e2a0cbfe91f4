import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";

export interface PostFilterOptions {
  vas: string[];
  creators: string[];
  sets: string[];
  /** Whether the workspace has any post at all: "no posts yet" differs from "none match". */
  hasPosts: boolean;
}

/** The VAs, creators and sets that occur in the workspace's posts, for the explorer's filter menus. */
export async function listPostFilterOptions(db: Db, workspaceId: string): Promise<PostFilterOptions> {
  const column = async (name: "va" | "creator" | "set_id") =>
    rowsOf<{ value: string }>(
      await db.execute(sql`select distinct ${sql.raw(name)} as value from tiktok_posts where workspace_id = ${workspaceId} and ${sql.raw(name)} is not null order by 1`),
    ).map((row) => row.value);
  const [any] = rowsOf<{ any: boolean }>(await db.execute(sql`select exists (select 1 from tiktok_posts where workspace_id = ${workspaceId}) as any`));
  return { vas: await column("va"), creators: await column("creator"), sets: await column("set_id"), hasPosts: any?.any === true };
}
