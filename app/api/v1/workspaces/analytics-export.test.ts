// First: it installs the AsyncLocalStorage global that Next's modules look for when they load.
import { callRoute, problemOf, sessionCookie } from "@/tests/http/route-harness";
import { randomUUID } from "node:crypto";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideConnectionForTests } from "@/lib/db/process-connection";
import { createTestDatabase, type TestDatabase } from "@/tests/db-harness";
import { xlsxRows } from "@/tests/xlsx-rows";
import * as historyRoute from "./[workspace]/accounts/[accountId]/export/route";
import * as accountsRoute from "./[workspace]/accounts/export/route";
import * as postHistoryRoute from "./[workspace]/posts/[postId]/export/route";
import * as leaderboardRoute from "./[workspace]/posts/leaderboard/export/route";

const ACCOUNTS = 250;
const DAYS = 600;
const POST_DAYS = 520;

// The accounts, account-history and leaderboard downloads as a viewer gets them: contents checked cell by cell.
describe("accounts and leaderboard exports on pglite", () => {
  let db: TestDatabase;
  const ws = randomUUID();
  const viewer = randomUUID();
  const outsider = randomUUID();
  const cookies = { viewer: "", outsider: "" };
  const slug = { workspace: "exports-team" };
  const base = "/api/v1/workspaces/exports-team";
  const run = (text: string, params: unknown[] = []) => db.connection.runner.query(text, params);
  let first = "";
  let oldPost = "";

  beforeAll(async () => {
    db = await createTestDatabase("pglite");
    provideConnectionForTests(db.connection);
    await run("insert into auth.users (id, email) values ($1, 'viewer@x.test'), ($2, 'out@x.test')", [viewer, outsider]);
    cookies.viewer = await sessionCookie({ id: viewer, email: "viewer@x.test" });
    cookies.outsider = await sessionCookie({ id: outsider, email: "out@x.test" });
    await run("insert into workspaces (id, slug, name, timezone) values ($1, 'exports-team', 'Exports', 'UTC')", [ws]);
    await run("insert into workspace_members values ($1, $2, 'viewer')", [ws, viewer]);
    await run(
      `insert into accounts (workspace_id, platform, handle, display_name, active)
       select $1, 'x', 'acct-' || lpad(n::text, 3, '0'), case when n = 7 then '=cmd|'' /C calc''!A0' else 'Account ' || n end, n <> 3
       from generate_series(1, $2::int) as n`,
      [ws, ACCOUNTS],
    );
    const [row] = await run("select id from accounts where handle = 'acct-001'");
    first = String((row as { id: string }).id);
    // 600 days ending today: followers fall by one a day into the past; today's is a rounded figure.
    await run(
      `insert into account_snapshots (account_id, workspace_id, snapshot_date, followers, following, approximate, source)
       select $1, $2, current_date - d, 100000 - d, case when d % 2 = 0 then 10 end, d = 0, 'api' from generate_series(0, $3::int - 1) as d`,
      [first, ws, DAYS],
    );
    await run(
      `insert into tiktok_posts (workspace_id, post_id, url, va, is_slideshow, views, posted_at, status) values
       ($1, '7400000000000000001', 'https://www.tiktok.com/@a/video/7400000000000000001', '=SUM(1)', true, 100, '2026-03-05T12:00:00Z', 'scraped'),
       ($1, '7400000000000000002', 'https://www.tiktok.com/@a/video/7400000000000000002', null, false, null, '2026-03-06T12:00:00Z', 'scraped')`,
      [ws],
    );
    // A post with 520 daily stats, long before the leaderboard's period; likes not reported on odd days.
    const [post] = await run(
      `insert into tiktok_posts (workspace_id, post_id, url, status, posted_at)
       values ($1, '7300000000000000009', 'https://www.tiktok.com/@a/video/7300000000000000009', 'scraped', '2024-01-01T12:00:00Z') returning id`,
      [ws],
    );
    oldPost = String((post as { id: string }).id);
    await run(
      `insert into tiktok_post_stats (post_id, workspace_id, date, views, likes, comments, shares, saves)
       select $1, $2, date '2024-01-01' + d, 1000 + d * 10, case when d % 2 = 0 then d end, 1, 2, 3 from generate_series(0, $3::int - 1) as d`,
      [oldPost, ws, POST_DAYS],
    );
  });
  afterAll(async () => {
    await db?.drop();
  });

  const get = (route: typeof accountsRoute.GET, url: string, params: Record<string, string> = slug, cookie = cookies.viewer) => callRoute(route, url, params, { cookie });
  const csvRows = async (response: Response) => Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;

  it("exports every account of the view over more than one page, as CSV and XLSX, with the approximate flag", async () => {
    const response = await get(accountsRoute.GET, `${base}/accounts/export?format=csv&sort=handle`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="accounts-exports-team-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...rows] = await csvRows(response);
    expect(header).toEqual(["Platform", "Handle", "Display name", "Organization", "Core", "Active", "Health", "Latest snapshot", "Followers", "Followers approximate", "7-day change", "30-day change", "Last error"]);
    expect(rows).toHaveLength(ACCOUNTS);
    expect(rows[0]?.slice(0, 2)).toEqual(["x", "acct-001"]);
    expect(rows[0]?.slice(6, 12)).toEqual(["healthy", expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), "100000", "yes", "7", "30"]);
    expect(rows[1]?.slice(6, 12)).toEqual(["never scraped", "", "", "", "", ""]);
    expect(rows[2]?.[5]).toBe("no");
    expect(rows[6]?.[2]).toBe("'=cmd|' /C calc'!A0");
    expect((await csvRows(await get(accountsRoute.GET, `${base}/accounts/export?show=active`))).length).toBe(ACCOUNTS);

    const xlsx = await xlsxRows(Buffer.from(await (await get(accountsRoute.GET, `${base}/accounts/export?format=xlsx&sort=handle`)).arrayBuffer()));
    expect(xlsx).toHaveLength(ACCOUNTS + 1);
    expect(xlsx[1]?.slice(8, 12)).toEqual([100000, "yes", 7, 30]);
    expect(xlsx[2]?.slice(8, 12)).toEqual([null, null, null, null]);
    expect(xlsx[7]?.[2]).toBe("=cmd|' /C calc'!A0");
  });

  it("exports one account's history oldest first, across keyset pages; 404 for an account it cannot see", async () => {
    const response = await get(historyRoute.GET, `${base}/accounts/${first}/export?format=xlsx`, { ...slug, accountId: first });
    expect(response.status).toBe(200);
    const [header, ...rows] = await xlsxRows(Buffer.from(await response.arrayBuffer()));
    expect(header).toEqual(["Date", "Followers", "Following", "Posts", "Likes", "Approximate", "Suspect", "Source"]);
    expect(rows).toHaveLength(DAYS);
    expect(rows[0]?.slice(1, 6)).toEqual([100000 - DAYS + 1, null, null, null, "no"]);
    expect(rows.at(-1)?.slice(1, 6)).toEqual([100000, 10, null, null, "yes"]);
    expect(new Set(rows.map((row) => row[0])).size).toBe(DAYS);
    const csv = await csvRows(await get(historyRoute.GET, `${base}/accounts/${first}/export`, { ...slug, accountId: first }));
    expect(csv).toHaveLength(DAYS + 1);
    const unknown = randomUUID();
    expect(await problemOf(await get(historyRoute.GET, `${base}/accounts/${unknown}/export`, { ...slug, accountId: unknown }))).toMatchObject({ status: 404, code: "not_found" });
  });

  it("exports one post's daily stats oldest first, across keyset pages, not-reported cells empty; 404 for a post it cannot see", async () => {
    const params = { ...slug, postId: oldPost };
    const response = await get(postHistoryRoute.GET, `${base}/posts/${oldPost}/export?format=xlsx`, params);
    expect(response.status).toBe(200);
    const [header, ...rows] = await xlsxRows(Buffer.from(await response.arrayBuffer()));
    expect(header).toEqual(["Date", "Views", "Likes", "Comments", "Shares", "Saves"]);
    expect(rows).toHaveLength(POST_DAYS);
    expect(rows[0]).toEqual(["2024-01-01", 1000, 0, 1, 2, 3]);
    expect(rows[1]).toEqual(["2024-01-02", 1010, null, 1, 2, 3]);
    expect(rows.at(-1)?.[1]).toBe(1000 + (POST_DAYS - 1) * 10);
    expect(new Set(rows.map((row) => row[0])).size).toBe(POST_DAYS);
    const csv = await csvRows(await get(postHistoryRoute.GET, `${base}/posts/${oldPost}/export`, params));
    expect(csv).toHaveLength(POST_DAYS + 1);
    expect(csv[2]).toEqual(["2024-01-02", "1010", "", "1", "2", "3"]);
    const unknown = randomUUID();
    expect(await problemOf(await get(postHistoryRoute.GET, `${base}/posts/${unknown}/export`, { ...slug, postId: unknown }))).toMatchObject({ status: 404, code: "not_found" });
    expect((await problemOf(await get(postHistoryRoute.GET, `${base}/posts/${oldPost}/export`, params, cookies.outsider))).status).toBe(404);
    expect((await problemOf(await get(postHistoryRoute.GET, `${base}/posts/${oldPost}/export?format=json`, params))).status).toBe(400);
  });

  it("exports the leaderboard as the page defines it, escaping a formula-like group name in CSV", async () => {
    const rows = await csvRows(await get(leaderboardRoute.GET, `${base}/posts/leaderboard/export?by=va&from=2026-03-01&to=2026-03-10`));
    expect(rows[0]?.slice(0, 3)).toEqual(["VA", "Posts (posted in period)", "Slideshows"]);
    expect(rows.slice(1).map((row) => row.slice(0, 6))).toEqual([
      ["'=SUM(1)", "1", "1", "0", "100", "100"],
      ["(none)", "1", "0", "1", "0", ""],
    ]);
    const xlsx = await xlsxRows(Buffer.from(await (await get(leaderboardRoute.GET, `${base}/posts/leaderboard/export?format=xlsx&by=va&from=2026-03-01&to=2026-03-10`)).arrayBuffer()));
    expect(xlsx[1]?.slice(0, 6)).toEqual(["=SUM(1)", 1, 1, 0, 100, 100]);
  });

  it("refuses a bad format, and another workspace's member", async () => {
    expect((await problemOf(await get(accountsRoute.GET, `${base}/accounts/export?format=pdf`))).status).toBe(400);
    expect((await problemOf(await get(leaderboardRoute.GET, `${base}/posts/leaderboard/export?by=va`))).status).toBe(400);
    expect((await problemOf(await get(accountsRoute.GET, `${base}/accounts/export`, slug, cookies.outsider))).status).toBe(404);
    expect((await problemOf(await get(historyRoute.GET, `${base}/accounts/${first}/export`, { ...slug, accountId: first }, cookies.outsider))).status).toBe(404);
  });
});
