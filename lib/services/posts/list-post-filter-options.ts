import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";

export interface PostFilterOptions {
  vas: string[];
  creators: string[];
  sets: string[];
  /** Whether the workspace has any post at all: "no posts yet" differs from "none match". */
  hasPosts: boolean;
}

export type PostFilterColumn = "va" | "creator" | "set_id";

/**
 * The distinct non-null values of one column in the workspace's posts, in order, by skip scan: each
 * step probes the (workspace_id, column) index for the next larger value, so the cost follows the
 * number of values, not of posts (Postgres 15 has no skip scan; `select distinct` reads every post).
 */
export function postFilterValuesQuery(workspaceId: string, name: PostFilterColumn): SQL {
  const column = sql.raw(name);
  return sql`
    with recursive walk(value) as (
      (select ${column} from tiktok_posts where workspace_id = ${workspaceId} and ${column} is not null order by ${column} limit 1)
      union all
      select (select p.${column} from tiktok_posts p where p.workspace_id = ${workspaceId} and p.${column} > walk.value order by p.${column} limit 1)
      from walk where walk.value is not null
    )
    select value from walk where value is not null order by value`;
}

async function distinctValues(db: Db, workspaceId: string, name: PostFilterColumn): Promise<string[]> {
  return rowsOf<{ value: string }>(await db.execute(postFilterValuesQuery(workspaceId, name))).map((row) => row.value);
}

/** The VAs, creators and sets that occur in the workspace's posts, for the explorer's filter menus. */
export async function listPostFilterOptions(db: Db, workspaceId: string): Promise<PostFilterOptions> {
  const [any] = rowsOf<{ any: boolean }>(await db.execute(sql`select exists (select 1 from tiktok_posts where workspace_id = ${workspaceId}) as any`));
  return { vas: await distinctValues(db, workspaceId, "va"), creators: await distinctValues(db, workspaceId, "creator"), sets: await distinctValues(db, workspaceId, "set_id"), hasPosts: any?.any === true };
}
