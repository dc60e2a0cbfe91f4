// First: it installs the AsyncLocalStorage global that Next's modules look for when they load.
import { callRoute, problemOf, sessionCookie } from "@/tests/http/route-harness";
import { randomUUID } from "node:crypto";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideConnectionForTests } from "@/lib/db/process-connection";
import { createTestDatabase, type TestDatabase } from "@/tests/db-harness";
import { xlsxRows } from "@/tests/xlsx-rows";
import * as exportRoute from "./[workspace]/posts/export/route";

const COUNT = 450;

describe("GET posts/export on pglite", () => {
  let db: TestDatabase;
  const ws = randomUUID();
  const viewer = randomUUID();
  const outsider = randomUUID();
  const cookies = { viewer: "", outsider: "" };
  const base = "/api/v1/workspaces/export-team/posts/export";
  const slug = { workspace: "export-team" };
  const run = (text: string, params: unknown[] = []) => db.connection.runner.query(text, params);

  beforeAll(async () => {
    db = await createTestDatabase("pglite");
    provideConnectionForTests(db.connection);
    await run("insert into auth.users (id, email) values ($1, 'viewer@x.test'), ($2, 'out@x.test')", [viewer, outsider]);
    cookies.viewer = await sessionCookie({ id: viewer, email: "viewer@x.test" });
    cookies.outsider = await sessionCookie({ id: outsider, email: "out@x.test" });
    await run("insert into workspaces (id, slug, name) values ($1, 'export-team', 'Export')", [ws]);
    await run("insert into workspace_members values ($1, $2, 'viewer')", [ws, viewer]);
    // More than two pages of 200; every third post is Mia's, one creator is a formula, views unknown for some.
    await run(
      `insert into tiktok_posts (workspace_id, post_id, url, creator, va, views, likes, posted_at, status)
       select $1, (7300000000000000000 + n)::text, 'https://www.tiktok.com/@a/video/' || (7300000000000000000 + n)::text,
         case when n = 7 then '=HYPERLINK("http://evil.test","x")' else 'creator-' || (n % 5) end,
         case when n % 3 = 0 then 'Mia' else 'Leo' end, case when n % 10 = 0 then null else n * 10 end, n, timestamptz '2026-01-01' + make_interval(hours => n), 'scraped'
       from generate_series(1, $2::int) as n`,
      [ws, COUNT],
    );
  });
  afterAll(async () => {
    await db?.drop();
  });

  const csv = async (query: string) => {
    const response = await callRoute(exportRoute.GET, `${base}${query}`, slug, { cookie: cookies.viewer });
    return { response, rows: Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data };
  };

  it("streams every post of the view, in its sort, as CSV a spreadsheet opens safely", async () => {
    const { response, rows } = await csv("?format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="posts-export-team-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...data] = rows;
    expect(header?.slice(0, 4)).toEqual(["Post URL", "Post ID", "Creator", "VA"]);
    expect(data).toHaveLength(COUNT);
    expect(new Set(data.map((row) => row[1])).size).toBe(COUNT);
    // Newest first, as the explorer's default sort.
    expect(data[0]?.[1]).toBe(String(7300000000000000000n + BigInt(COUNT)));
    const views = header!.indexOf("Views");
    expect(data.find((row) => row[1] === "7300000000000000010")?.[views]).toBe("");
    expect(data.find((row) => row[1] === "7300000000000000011")?.[views]).toBe("110");
    expect(data.find((row) => row[1] === "7300000000000000007")?.[2]).toBe(`'=HYPERLINK("http://evil.test","x")`);
  });

  it("applies the explorer's filters and sort", async () => {
    const { rows } = await csv("?va=Mia&sort=views&dir=asc");
    const data = rows.slice(1);
    expect(data).toHaveLength(COUNT / 3);
    expect(data.every((row) => row[3] === "Mia")).toBe(true);
    const views = data.map((row) => row[8]).filter((value) => value !== "").map(Number);
    expect(views).toEqual([...views].sort((a, b) => a - b));
  });

  it("streams the same view as XLSX: numbers as numbers, not reported as empty cells, formulas as plain text", async () => {
    const response = await callRoute(exportRoute.GET, `${base}?format=xlsx&va=Mia`, slug, { cookie: cookies.viewer });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="posts-export-team-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const rows = await xlsxRows(Buffer.from(await response.arrayBuffer()));
    const [header, ...data] = rows;
    expect(header?.slice(0, 4)).toEqual(["Post URL", "Post ID", "Creator", "VA"]);
    expect(data).toHaveLength(COUNT / 3);
    const views = header!.indexOf("Views");
    expect(data.find((row) => row[1] === "7300000000000000030")?.[views]).toBeNull();
    expect(data.find((row) => row[1] === "7300000000000000033")?.[views]).toBe(330);
    const all = await xlsxRows(Buffer.from(await (await callRoute(exportRoute.GET, `${base}?format=xlsx`, slug, { cookie: cookies.viewer })).arrayBuffer()));
    expect(all).toHaveLength(COUNT + 1);
    expect(all.find((row) => row[1] === "7300000000000000007")?.[2]).toBe('=HYPERLINK("http://evil.test","x")');
  });

  it("refuses another format, a bad filter, and a workspace the caller is not in", async () => {
    expect((await problemOf(await callRoute(exportRoute.GET, `${base}?format=pdf`, slug, { cookie: cookies.viewer }))).status).toBe(400);
    expect((await problemOf(await callRoute(exportRoute.GET, `${base}?sort=nonsense`, slug, { cookie: cookies.viewer }))).status).toBe(400);
    expect((await problemOf(await callRoute(exportRoute.GET, base, slug, { cookie: cookies.outsider }))).status).toBe(404);
  });
});
