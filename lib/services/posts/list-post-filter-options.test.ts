import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db/client";
import { runAsUser } from "@/lib/db/rls";
import { rowsOf } from "@/lib/db/rows";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";
import { listPostFilterOptions } from "./list-post-filter-options";

describe.each(ENGINES)("the posts explorer's filter options (%s)", (engine) => {
  let database: TestDatabase;
  const ws = randomUUID();
  const other = randomUUID();
  const users = { viewer: randomUUID(), outsider: randomUUID() };
  const run = (text: string, values: unknown[] = []) => database.connection.runner.query(text, values);
  const as = <T,>(user: string, fn: (tx: Tx) => Promise<T>) => runAsUser(database.connection, { sub: user }, fn);
  // What the skip scan must equal: a plain distinct over every post, through the same RLS path.
  const distinct = (tx: Tx, workspaceId: string, column: "va" | "creator" | "set_id") =>
    tx
      .execute(sql`select distinct ${sql.raw(column)} as value from tiktok_posts where workspace_id = ${workspaceId} and ${sql.raw(column)} is not null order by 1`)
      .then((result) => rowsOf<{ value: string }>(result).map((row) => row.value));

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    for (const user of Object.values(users)) await run("insert into auth.users (id, email) values ($1, $2)", [user, `${user}@example.test`]);
    await run("insert into workspaces (id, slug, name, timezone) values ($1, $2, 'A', 'UTC'), ($3, $4, 'B', 'UTC')", [ws, `a-${ws.slice(0, 8)}`, other, `b-${other.slice(0, 8)}`]);
    await run("insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'viewer'), ($3, $4, 'admin')", [ws, users.viewer, other, users.outsider]);
    // Repeats, nulls, case and accents (ordered by the column's collation), an empty string, and
    // values that only the other workspace has, sorting before, between and after this one's.
    const vas = ["Mia", "mia", "Leo", null, "Mia", "Émile", "", "zoe", null, "Leo", "Ana"];
    const creators = ["ana", null, "bo", "ana", "cy", null, "bo", "ana", "dee", "ana", "Bo"];
    const sets = [null, null, "SET-2", "SET-10", "SET-1", "SET-2", null, "SET-1", "SET-3", "SET-10", "SET-2"];
    await run(
      `insert into tiktok_posts (workspace_id, post_id, url, va, creator, set_id)
       select $1, (7300000000000000000 + n)::text, 'https://www.tiktok.com/@c/video/' || n, v.va, v.creator, v.set_id
       from unnest($2::text[], $3::text[], $4::text[]) with ordinality as v(va, creator, set_id, n)`,
      [ws, vas, creators, sets],
    );
    await run(
      `insert into tiktok_posts (workspace_id, post_id, url, va, creator, set_id)
       values ($1, '7400000000000000001', 'https://www.tiktok.com/@x/video/1', 'Aaron', 'aa', 'SET-0'),
              ($1, '7400000000000000002', 'https://www.tiktok.com/@x/video/2', 'Mib', 'bz', 'SET-15'),
              ($1, '7400000000000000003', 'https://www.tiktok.com/@x/video/3', 'Zed', 'zz', 'SET-9')`,
      [other],
    );
  });
  afterAll(async () => {
    await database.drop();
  });

  it("lists each column's values as select distinct does, without nulls or another workspace's values", async () => {
    const { options, expected } = await as(users.viewer, async (tx) => ({
      options: await listPostFilterOptions(tx, ws),
      expected: { vas: await distinct(tx, ws, "va"), creators: await distinct(tx, ws, "creator"), sets: await distinct(tx, ws, "set_id") },
    }));
    expect(options).toEqual({ ...expected, hasPosts: true });
    expect(new Set(options.vas)).toEqual(new Set(["", "Ana", "Émile", "Leo", "Mia", "mia", "zoe"]));
    expect(new Set(options.creators)).toEqual(new Set(["ana", "bo", "Bo", "cy", "dee"]));
    expect(options.sets).toHaveLength(4);
  });

  it("shows a workspace the caller is not a member of as empty, though it has posts", async () => {
    const [mine, theirs] = await as(users.viewer, async (tx) => [await listPostFilterOptions(tx, ws), await listPostFilterOptions(tx, other)] as const);
    expect(theirs).toEqual({ vas: [], creators: [], sets: [], hasPosts: false });
    expect(mine.vas).not.toContain("Aaron");
    const own = await as(users.outsider, (tx) => listPostFilterOptions(tx, other));
    expect(own).toEqual({ vas: ["Aaron", "Mib", "Zed"], creators: ["aa", "bz", "zz"], sets: ["SET-0", "SET-15", "SET-9"], hasPosts: true });
  });

  it("gives a workspace without posts empty lists", async () => {
    const empty = randomUUID();
    await run("insert into workspaces (id, slug, name, timezone) values ($1, $2, 'C', 'UTC')", [empty, `c-${empty.slice(0, 8)}`]);
    await run("insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'viewer')", [empty, users.viewer]);
    expect(await as(users.viewer, (tx) => listPostFilterOptions(tx, empty))).toEqual({ vas: [], creators: [], sets: [], hasPosts: false });
  });
});
