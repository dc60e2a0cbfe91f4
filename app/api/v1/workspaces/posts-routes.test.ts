import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideConnectionForTests } from "@/lib/db/process-connection";
import { postDetailSchema } from "@/lib/services/posts/get-post-detail";
import { leaderboardRowSchema } from "@/lib/services/posts/rank-post-groups";
import { postExplorerRowSchema } from "@/lib/services/posts/search-posts";
import { listEnvelope } from "@/lib/api/envelope";
import { getStorage } from "@/lib/storage/get-storage";
import { createTestDatabase, type TestDatabase } from "@/tests/db-harness";
import { callRoute, problemOf, sessionCookie } from "@/tests/http/route-harness";
import { zipEntries } from "@/tests/zip-entries";
import * as postsRoute from "./[workspace]/posts/route";
import * as postRoute from "./[workspace]/posts/[postId]/route";
import * as zipRoute from "./[workspace]/posts/[postId]/slides.zip/route";
import * as leaderboardRoute from "./[workspace]/posts/leaderboard/route";

// The posts routes as the server runs them: a signed session cookie, RLS, zod on the query and
// on our own answers (a route cannot drift from its schema), problem+json for a caller's mistake.
describe("posts API route handlers on pglite", () => {
  let db: TestDatabase;
  const ws = randomUUID();
  const other = randomUUID();
  const users = { viewer: randomUUID(), outsider: randomUUID() };
  const cookies = { viewer: "", outsider: "" };
  const posts = Array.from({ length: 5 }, () => randomUUID());
  const slides = [Buffer.alloc(1234, 1), Buffer.alloc(99, 2), Buffer.alloc(4321, 3)];
  const run = (text: string, params: unknown[] = []) => db.connection.runner.query(text, params);
  const base = "/api/v1/workspaces/routes-team/posts";
  const slug = { workspace: "routes-team" };

  beforeAll(async () => {
    db = await createTestDatabase("pglite");
    provideConnectionForTests(db.connection);
    for (const [name, id] of Object.entries(users)) {
      await run("insert into auth.users (id, email) values ($1, $2)", [id, `${name}@x.test`]);
      cookies[name as keyof typeof users] = await sessionCookie({ id, email: `${name}@x.test` });
    }
    await run("insert into workspaces (id, slug, name) values ($1, 'routes-team', 'Team'), ($2, 'routes-else', 'Else')", [ws, other]);
    await run("insert into workspace_members values ($1, $2, 'viewer'), ($3, $4, 'admin')", [ws, users.viewer, other, users.outsider]);
    for (const [n, id] of posts.entries()) {
      await run("insert into tiktok_posts (id, workspace_id, post_id, url, va, views, posted_at, status) values ($1, $2, $3, $4, $5, $6, $7, 'scraped')", [
        id, ws, `730000000000000010${n}`, `https://www.tiktok.com/@a/photo/730000000000000010${n}`, n % 2 ? "Mia" : "Leo", 100 * n, `2026-03-0${n + 1}T12:00:00Z`,
      ]);
    }
    const storage = getStorage();
    for (const [index, bytes] of slides.entries()) {
      const path = `${ws}/${posts[0]}/${index}.jpg`;
      await storage.put(path, bytes, "image/jpeg");
      // Stored out of order: the zip follows slide_index.
      await run("insert into tiktok_slides (post_id, workspace_id, slide_index, storage_path, bytes, content_type) values ($1, $2, $3, $4, $5, 'image/jpeg')", [posts[0], ws, 2 - index, path, bytes.length]);
    }
  });
  afterAll(async () => {
    const storage = getStorage();
    for (const index of slides.keys()) await storage.delete(`${ws}/${posts[0]}/${index}.jpg`);
    await db?.drop();
  });

  const searchPostsResponseSchema = listEnvelope(postExplorerRowSchema);
  const leaderboardResponseSchema = listEnvelope(leaderboardRowSchema);

  it("GET posts pages by cursor, filters and sorts from the query string, and matches its schema", async () => {
    const first = await callRoute(postsRoute.GET, `${base}?sort=views&dir=asc&limit=2`, slug, { cookie: cookies.viewer });
    expect(first.status).toBe(200);
    const page = searchPostsResponseSchema.parse(await first.json());
    expect(page.data.map((row) => row.views)).toEqual([0, 100]);
    const second = searchPostsResponseSchema.parse(await (await callRoute(postsRoute.GET, `${base}?sort=views&dir=asc&limit=2&cursor=${page.meta.next_cursor}`, slug, { cookie: cookies.viewer })).json());
    expect(second.data.map((row) => row.views)).toEqual([200, 300]);
    const mia = searchPostsResponseSchema.parse(await (await callRoute(postsRoute.GET, `${base}?va=Mia`, slug, { cookie: cookies.viewer })).json());
    expect(mia.data.map((row) => row.postId)).toEqual(["7300000000000000103", "7300000000000000101"]);
    expect(mia.meta.next_cursor).toBeNull();
  });

  it("400 for a sort, date or cursor it does not know; 404 for another workspace; 401 signed out", async () => {
    for (const query of ["sort=rank", "from=2026-13-45", "type=reel", "cursor=zzz"]) {
      expect(await problemOf(await callRoute(postsRoute.GET, `${base}?${query}`, slug, { cookie: cookies.viewer })), query).toMatchObject({ status: 400, code: "invalid_input" });
    }
    expect(await problemOf(await callRoute(postsRoute.GET, base, slug, { cookie: cookies.outsider }))).toMatchObject({ status: 404, code: "not_found" });
    expect((await callRoute(postsRoute.GET, base, slug)).status).toBe(401);
  });

  it("GET posts/:postId answers the post page's schema; another workspace's member gets 404", async () => {
    const response = await callRoute(postRoute.GET, `${base}/${posts[0]}`, { ...slug, postId: String(posts[0]) }, { cookie: cookies.viewer });
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: unknown };
    const detail = postDetailSchema.parse(data);
    expect(detail.slides.map((slide) => slide.index)).toEqual([0, 1, 2]);
    expect(detail.post.postId).toBe("7300000000000000100");
    const outsider = await callRoute(postRoute.GET, `${base}/${posts[0]}`, { ...slug, postId: String(posts[0]) }, { cookie: cookies.outsider });
    expect(outsider.status).toBe(404);
  });

  it("GET slides.zip streams every stored slide in order, byte for byte; 404 without slides", async () => {
    const response = await callRoute(zipRoute.GET, `${base}/${posts[0]}/slides.zip`, { ...slug, postId: String(posts[0]) }, { cookie: cookies.viewer });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="tiktok-7300000000000000100-slides.zip"');
    const entries = await zipEntries(Buffer.from(await response.arrayBuffer()));
    expect(entries.map(({ name, bytes }) => [name, bytes])).toEqual([
      ["7300000000000000100-slide-01.jpg", 4321],
      ["7300000000000000100-slide-02.jpg", 99],
      ["7300000000000000100-slide-03.jpg", 1234],
    ]);
    expect(entries[0]?.data.equals(slides[2] as Buffer)).toBe(true);
    const none = await callRoute(zipRoute.GET, `${base}/${posts[1]}/slides.zip`, { ...slug, postId: String(posts[1]) }, { cookie: cookies.viewer });
    expect(await problemOf(none)).toMatchObject({ status: 404, code: "not_found" });
    const outsider = await callRoute(zipRoute.GET, `${base}/${posts[0]}/slides.zip`, { ...slug, postId: String(posts[0]) }, { cookie: cookies.outsider });
    expect(outsider.status).toBe(404);
  });

  it("GET posts/leaderboard groups by VA over a period and matches its schema; 400 without a period or with an unknown group", async () => {
    const response = await callRoute(leaderboardRoute.GET, `${base}/leaderboard?by=va&from=2026-03-01&to=2026-03-05`, slug, { cookie: cookies.viewer });
    expect(response.status).toBe(200);
    const { data } = leaderboardResponseSchema.parse(await response.json());
    expect(data.map((row) => [row.key, row.posts, row.views])).toEqual([
      ["Leo", 3, 600],
      ["Mia", 2, 400],
    ]);
    for (const query of ["by=va", "by=country&from=2026-03-01&to=2026-03-05", "from=2026-03-05&to=2026-03-01"]) {
      expect(await problemOf(await callRoute(leaderboardRoute.GET, `${base}/leaderboard?${query}`, slug, { cookie: cookies.viewer })), query).toMatchObject({ status: 400, code: "invalid_input" });
    }
    expect((await callRoute(leaderboardRoute.GET, `${base}/leaderboard?from=2026-03-01&to=2026-03-05`, slug, { cookie: cookies.outsider })).status).toBe(404);
  });
});
