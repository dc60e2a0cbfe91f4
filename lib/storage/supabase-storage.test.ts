import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createSupabaseStorage } from "./supabase-storage";

const BASE = "https://project.supabase.co";

/** A stand-in for the Storage API: enough of its routes and answers to exercise the adapter. */
function fakeStorageApi() {
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const requests: Array<{ method: string; path: string; headers: Headers }> = [];
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const route = decodeURIComponent(url.pathname.replace(/^\/storage\/v1\/object\//, ""));
    requests.push({ method: request.method, path: route, headers: request.headers });
    if (request.method === "POST" && route.startsWith("sign/")) {
      const key = route.slice("sign/".length);
      if (!objects.has(key)) return json(400, { statusCode: "404", error: "not_found", message: "Object not found" });
      return json(200, { signedURL: `/object/sign/${key}?token=t0ken` });
    }
    if (request.method === "POST") {
      const body = Buffer.from(await request.arrayBuffer());
      objects.set(route, { body, contentType: request.headers.get("content-type") ?? "" });
      return json(200, { Key: route });
    }
    if (request.method === "GET") {
      const object = objects.get(route);
      if (!object) return json(400, { statusCode: "404", error: "not_found", message: "Object not found" });
      return new Response(new Uint8Array(object.body), { status: 200, headers: { "content-type": object.contentType } });
    }
    if (request.method === "DELETE") {
      const { prefixes } = (await request.json()) as { prefixes: string[] };
      for (const prefix of prefixes) objects.delete(`${route}/${prefix}`);
      return json(200, []);
    }
    return json(500, { message: "unexpected route" });
  };
  return { objects, requests, fetch: fetchImpl as typeof fetch };
}

async function readAll(stream: Readable | null): Promise<Buffer | null> {
  if (!stream) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe("Supabase storage (against a fake Storage API)", () => {
  const make = () => {
    const api = fakeStorageApi();
    const storage = createSupabaseStorage({ url: BASE, serviceRoleKey: "service-key", bucket: "slides", fetch: api.fetch });
    return { api, storage };
  };

  it("uploads with upsert and the content type, and returns the hash of what it sent", async () => {
    const { api, storage } = make();
    const body = Buffer.from("png bytes");
    const stored = await storage.put("ws/post/0.png", Readable.from([body]), "image/png");
    expect(stored).toEqual({ path: "ws/post/0.png", bytes: body.length, sha256: createHash("sha256").update(body).digest("hex") });
    expect(api.objects.get("slides/ws/post/0.png")).toEqual({ body, contentType: "image/png" });
    const upload = api.requests.find((request) => request.method === "POST");
    expect(upload?.headers.get("x-upsert")).toBe("true");
    expect(upload?.headers.get("authorization")).toBe("Bearer service-key");
  });

  it("reads an object back, and answers null when it is missing", async () => {
    const { storage } = make();
    await storage.put("a.png", Buffer.from("abc"), "image/png");
    expect((await readAll(await storage.get("a.png")))?.toString()).toBe("abc");
    expect(await storage.get("missing.png")).toBeNull();
  });

  it("signs a URL and deletes", async () => {
    const { api, storage } = make();
    await storage.put("a.png", Buffer.from("abc"), "image/png");
    expect(await storage.url?.("a.png", { expiresInSeconds: 60 })).toBe(`${BASE}/storage/v1/object/sign/slides/a.png?token=t0ken`);
    await storage.delete("a.png");
    expect(api.objects.size).toBe(0);
    await expect(storage.url?.("a.png")).rejects.toSatisfy((error) => error instanceof AppError && error.code === "unavailable");
  });

  it("refuses traversal before any request is made", async () => {
    const { api, storage } = make();
    await expect(storage.put("../other-bucket/x.png", Buffer.from("x"), "image/png")).rejects.toBeInstanceOf(AppError);
    expect(api.requests).toEqual([]);
  });
});
