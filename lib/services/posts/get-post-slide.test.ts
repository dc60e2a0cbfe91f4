import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db/client";
import { runAsUser, type UserClaims } from "@/lib/db/rls";
import { slideResponse } from "@/lib/http/slide-response";
import { createLocalStorage } from "@/lib/storage/local-storage";
import { createSupabaseStorage } from "@/lib/storage/supabase-storage";
import { createTestDatabase, ENGINES, type TestDatabase } from "@/tests/db-harness";
import { getPostSlide } from "./get-post-slide";

const WEBP = Buffer.concat([Buffer.from("RIFF"), Buffer.alloc(4), Buffer.from("WEBPVP8 "), Buffer.alloc(500, 7)]);

describe.each(ENGINES)("serving a stored slide through RLS (%s)", (engine) => {
  let database: TestDatabase;
  let dataDir: string;
  const ids = { wsA: randomUUID(), wsB: randomUUID(), member: randomUUID(), outsider: randomUUID(), post: randomUUID() };
  const storagePath = `${ids.wsA}/${ids.post}/0.webp`;
  const as = <T,>(user: string | null, fn: (tx: Tx) => Promise<T>) => runAsUser(database.connection, user ? ({ sub: user } satisfies UserClaims) : null, fn);
  const storage = () => createLocalStorage({ dataDir, bucket: "slides" });

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    dataDir = await mkdtemp(path.join(tmpdir(), "reach-slide-route-"));
    const run = (text: string, values: unknown[]) => database.connection.runner.query(text, values);
    for (const user of [ids.member, ids.outsider]) await run("insert into auth.users (id, email) values ($1, $2)", [user, `${user}@example.test`]);
    await run("insert into workspaces (id, slug, name) values ($1, $2, 'A'), ($3, $4, 'B')", [ids.wsA, `a-${ids.wsA.slice(0, 6)}`, ids.wsB, `b-${ids.wsB.slice(0, 6)}`]);
    await run("insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'viewer'), ($3, $4, 'admin')", [ids.wsA, ids.member, ids.wsB, ids.outsider]);
    await run("insert into tiktok_posts (id, workspace_id, post_id, url) values ($1, $2, '7300000000000000777', 'https://www.tiktok.com/@a/video/7300000000000000777')", [ids.post, ids.wsA]);
    await run(
      "insert into tiktok_slides (post_id, workspace_id, slide_index, storage_path, bytes, content_type) values ($1, $2, 0, $3, $4, 'image/webp'), ($1, $2, 1, null, null, null)",
      [ids.post, ids.wsA, storagePath, WEBP.length],
    );
    await storage().put(storagePath, WEBP, "image/webp");
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await database.drop();
  });

  it("a member gets the file streamed with the type from its bytes", async () => {
    const slide = await as(ids.member, (tx) => getPostSlide(tx, { workspaceId: ids.wsA, postId: ids.post, index: 0 }));
    const response = await slideResponse(storage(), slide);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("cache-control")).toMatch(/^private/);
    expect(Buffer.from(await response.arrayBuffer()).equals(WEBP)).toBe(true);
  });

  it("another workspace's member and a signed-out caller get not found, as for a slide not stored", async () => {
    await expect(as(ids.outsider, (tx) => getPostSlide(tx, { workspaceId: ids.wsA, postId: ids.post, index: 0 }))).rejects.toMatchObject({ code: "not_found" });
    await expect(as(ids.outsider, (tx) => getPostSlide(tx, { workspaceId: ids.wsB, postId: ids.post, index: 0 }))).rejects.toMatchObject({ code: "not_found" });
    await expect(as(null, (tx) => getPostSlide(tx, { workspaceId: ids.wsA, postId: ids.post, index: 0 }))).rejects.toMatchObject({ code: "not_found" });
    await expect(as(ids.member, (tx) => getPostSlide(tx, { workspaceId: ids.wsA, postId: ids.post, index: 1 }))).rejects.toMatchObject({ code: "not_found" });
  });

  it("with Supabase Storage, redirects to a short-lived signed URL", async () => {
    const signed: { path: string; expiresIn: number }[] = [];
    const supabase = createSupabaseStorage({
      url: "https://project.supabase.co",
      serviceRoleKey: "service-key",
      bucket: "slides",
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        const key = decodeURIComponent(new URL(request.url).pathname.replace(/^\/storage\/v1\/object\/sign\//, ""));
        signed.push({ path: key, expiresIn: ((await request.json()) as { expiresIn: number }).expiresIn });
        return Response.json({ signedURL: `/object/sign/${key}?token=t0ken` });
      }) as typeof fetch,
    });
    const slide = await as(ids.member, (tx) => getPostSlide(tx, { workspaceId: ids.wsA, postId: ids.post, index: 0 }));
    const response = await slideResponse(supabase, slide);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`https://project.supabase.co/storage/v1/object/sign/slides/${storagePath}?token=t0ken`);
    expect(signed).toEqual([{ path: `slides/${storagePath}`, expiresIn: 300 }]);
  });
});
