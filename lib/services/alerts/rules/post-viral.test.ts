import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";
import { postViral } from "./post-viral";

const TODAY = "2026-03-10";

// The rule's definition, one median per post over its creator's other posts: the oracle.
const ORACLE = `
  select p.id, m.median
  from tiktok_posts p
  cross join lateral (
    select percentile_cont(0.5) within group (order by o.views) as median, count(*) as n
    from tiktok_posts o where o.workspace_id = p.workspace_id and o.creator = p.creator and o.id <> p.id and o.views is not null
  ) m
  where p.workspace_id = $1 and p.creator is not null and p.stats_date >= $2::date - 1
    and p.views_gained_1d is not null and m.n >= 3 and m.median > 0 and p.views_gained_1d > $3 * m.median
  order by p.views_gained_1d desc, p.id`;

describe.each(ENGINES)("the viral-post rule (%s)", (engine) => {
  let database: TestDatabase;
  const ws = randomUUID();

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await database.connection.runner.query("insert into workspaces (id, slug, name) values ($1, 'v', 'V')", [ws]);
    // Creators of 1 to 9 posts; repeated views, posts without views, stale and fresh stats days, gains of every size.
    let seed = 7;
    const next = (range: number) => (seed = (seed * 48271) % 2147483647) % range;
    const rows: unknown[][] = [];
    for (const [creator, count] of [["ana", 25], ["bo", 12], ["cy", 6], ["di", 4], ["ed", 3], ["fay", 1]] as const) {
      for (let n = 0; n < count; n++) {
        const views = next(6) === 0 ? null : 100 * (1 + next(5));
        const statsDate = ["2026-03-10", "2026-03-09", "2026-03-08", null][next(4)];
        const gained = next(5) === 0 ? null : 100 * next(40);
        rows.push([randomUUID(), `76${String(rows.length).padStart(17, "0")}`, creator, views, statsDate, gained]);
      }
    }
    for (const [id, postId, creator, views, statsDate, gained] of rows) {
      await database.connection.runner.query(
        "insert into tiktok_posts (id, workspace_id, post_id, url, creator, views, stats_date, views_gained_1d) values ($1, $2, $3, 'https://www.tiktok.com/@c/video/1', $4, $5, $6, $7)",
        [id, ws, postId, creator, views, statsDate, gained],
      );
    }
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("finds the posts the one-median-per-post definition finds, with the same medians, at every factor", async () => {
    let found = 0;
    for (const factor of [1.5, 2, 3, 5, 10]) {
      const expected = (await database.connection.runner.query<{ id: string; median: number }>(ORACLE, [ws, TODAY, factor])).map((row) => ({ id: row.id, median: Number(row.median) }));
      const candidates = await postViral.evaluate(database.connection.db, { workspaceId: ws, slug: "v", timezone: "UTC", today: TODAY, now: new Date(`${TODAY}T12:00:00Z`), params: { factor } });
      expect(candidates.map((candidate) => ({ id: candidate.subjectId, median: candidate.details.creatorMedianViews })), `factor ${factor}`).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(30);
  });
});
