import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openConnection, type Connection } from "@/lib/db/client";
import { runAsUser } from "@/lib/db/rls";
import { untilWaitingOnLock } from "@/tests/lock-wait";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";
import { deleteWorkspaceRows } from "./delete-workspace";
import { updateWorkspace } from "./update-workspace";

// Two transactions at once: PGlite runs one at a time, so only Postgres can show the lock order.
describe.runIf(ENGINES.includes("postgres"))("a workspace change that rebuilds its rollups, while a post writer is open (postgres)", () => {
  let db: TestDatabase;
  let second: Connection;
  const admin = randomUUID();
  let ws = "";
  let posts: string[] = [];
  const run = (text: string, params: unknown[] = []) => db.connection.runner.query<Record<string, unknown>>(text, params);

  beforeAll(async () => {
    db = await createTestDatabase("postgres");
    second = await openConnection({ databaseUrl: db.url! });
    await run("insert into auth.users (id, email) values ($1, 'admin@x.test')", [admin]);
  });
  beforeEach(async () => {
    ws = randomUUID();
    posts = [randomUUID(), randomUUID()];
    await run("insert into workspaces (id, slug, name, timezone) values ($1, $2, 'W', 'America/New_York')", [ws, `w-${ws.slice(0, 8)}`]);
    await run("insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'admin')", [ws, admin]);
    for (const [n, id] of posts.entries()) {
      await run(
        "insert into tiktok_posts (id, workspace_id, post_id, url, status, va, posted_at, views) values ($1, $2, $3, 'https://www.tiktok.com/@c/video/' || $3, 'scraped', 'Tia', $4, 1)",
        [id, ws, `790000000000000000${n}`, n === 0 ? "2026-03-22T12:00:00Z" : "2026-03-25T03:00:00Z"],
      );
    }
  });
  afterAll(async () => {
    await second?.close();
    await db?.drop();
  });

  /** A writer updates one post, waits while `change` starts, then updates the other and commits. */
  async function whileWriting(change: () => Promise<unknown>, waitingQuery: string) {
    const writer = postgres(db.url!, { max: 1, onnotice: () => {} });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    try {
      let wrote!: () => void;
      const first = new Promise<void>((resolve) => (wrote = resolve));
      const writing = writer.begin(async (tx) => {
        await tx`update tiktok_posts set views = 10 where id = ${posts[0]!}`;
        wrote();
        await released;
        await tx`update tiktok_posts set views = 20 where id = ${posts[1]!}`;
      });
      await first;
      const changing = change();
      await untilWaitingOnLock(db.connection, waitingQuery);
      release();
      await Promise.all([writing, changing]);
    } finally {
      release();
      await writer.end();
    }
  }

  it("a new timezone waits for the writer's commit, then rebuilds the posted days from what it wrote", async () => {
    await whileWriting(
      () => runAsUser(second, { sub: admin }, (tx) => updateWorkspace(tx, { workspaceId: ws, actorId: admin, timezone: "Asia/Tokyo" })),
      "lock_workspace_rollups",
    );
    // 03:00 UTC on 25 March is 12:00 in Tokyo, and 23:00 on 24 March in New York.
    expect(await run("select date::text as date, views::int as views from tiktok_group_posted_days where workspace_id = $1 and dimension = 'va' order by date", [ws])).toEqual([
      { date: "2026-03-22", views: 10 },
      { date: "2026-03-25", views: 20 },
    ]);
  });

  it("a deletion waits for the writer's commit, then takes every row along", async () => {
    await whileWriting(
      () => runAsUser(second, { sub: admin }, (tx) => deleteWorkspaceRows(tx, { workspaceId: ws, confirmSlug: `w-${ws.slice(0, 8)}` })),
      "lock_workspace_rollups",
    );
    expect(await run("select 1 from workspaces where id = $1", [ws])).toEqual([]);
    expect(await run("select 1 from tiktok_group_posted_days where workspace_id = $1", [ws])).toEqual([]);
  });
});
