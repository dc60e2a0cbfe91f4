import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideConnectionForTests } from "@/lib/db/process-connection";
import { overviewResponseSchema } from "@/lib/services/overview/get-overview";
import { postTrendsResponseSchema } from "@/lib/services/posts/get-post-trends";
import { createTestDatabase, type TestDatabase } from "@/tests/db-harness";
import { callRoute, problemOf, sessionCookie } from "@/tests/http/route-harness";
import * as overviewRoute from "./[workspace]/overview/route";
import * as trendsRoute from "./[workspace]/posts/trends/route";

// The overview and trends routes as the server runs them: a session cookie, RLS, and an answer that matches its schema.
describe("overview and trends API routes on pglite", () => {
  let db: TestDatabase;
  const ws = randomUUID();
  const other = randomUUID();
  const users = { viewer: randomUUID(), outsider: randomUUID() };
  const cookies = { viewer: "", outsider: "" };
  const run = (text: string, params: unknown[] = []) => db.connection.runner.query(text, params);
  const url = "/api/v1/workspaces/overview-team/overview";
  const slug = { workspace: "overview-team" };

  beforeAll(async () => {
    db = await createTestDatabase("pglite");
    provideConnectionForTests(db.connection);
    for (const [name, id] of Object.entries(users)) {
      await run("insert into auth.users (id, email) values ($1, $2)", [id, `${name}@x.test`]);
      cookies[name as keyof typeof users] = await sessionCookie({ id, email: `${name}@x.test` });
    }
    await run("insert into workspaces (id, slug, name) values ($1, 'overview-team', 'Team'), ($2, 'overview-else', 'Else')", [ws, other]);
    await run("insert into workspace_members values ($1, $2, 'viewer'), ($3, $4, 'admin')", [ws, users.viewer, other, users.outsider]);
    const account = randomUUID();
    await run("insert into accounts (id, workspace_id, platform, handle) values ($1, $2, 'x', 'team')", [account, ws]);
    await run("insert into account_snapshots (account_id, workspace_id, snapshot_date, followers, source) values ($1, $2, current_date, 42, 'api')", [account, ws]);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("a viewer reads the overview, which matches its schema; another workspace's member gets 404", async () => {
    const response = await callRoute(overviewRoute.GET, url, slug, { cookie: cookies.viewer });
    expect(response.status).toBe(200);
    const { data } = overviewResponseSchema.parse(await response.json());
    expect(data.accounts).toMatchObject({ active: 1, all: 1 });
    expect(data.followers.daily).toHaveLength(30);
    expect(await problemOf(await callRoute(overviewRoute.GET, url, slug, { cookie: cookies.outsider }))).toMatchObject({ status: 404, code: "not_found" });
    expect((await callRoute(overviewRoute.GET, url, slug)).status).toBe(401);
  });

  it("GET posts/trends answers its schema; a bad group or period is 400; another workspace's member gets 404", async () => {
    const trends = "/api/v1/workspaces/overview-team/posts/trends";
    const response = await callRoute(trendsRoute.GET, `${trends}?by=creator&from=2026-03-01&to=2026-03-07`, slug, { cookie: cookies.viewer });
    expect(response.status).toBe(200);
    expect(postTrendsResponseSchema.parse(await response.json()).data.days).toHaveLength(7);
    for (const query of ["by=hashtag&from=2026-03-01&to=2026-03-07", "from=2026-03-07&to=2026-03-01", "from=2026-03-01"]) {
      expect(await problemOf(await callRoute(trendsRoute.GET, `${trends}?${query}`, slug, { cookie: cookies.viewer })), query).toMatchObject({ status: 400, code: "invalid_input" });
    }
    expect(await problemOf(await callRoute(trendsRoute.GET, `${trends}?from=2026-03-01&to=2026-03-07`, slug, { cookie: cookies.outsider }))).toMatchObject({ status: 404 });
  });
});
