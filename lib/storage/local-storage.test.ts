import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createLocalStorage, localBucketRoot } from "./local-storage";
import type { Storage } from "./storage";

async function readAll(stream: Readable | null): Promise<Buffer | null> {
  if (!stream) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

describe("local storage", () => {
  let dataDir: string;
  let storage: Storage;
  let root: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "reach-storage-"));
    storage = createLocalStorage({ dataDir, bucket: "slides" });
    root = localBucketRoot({ dataDir, bucket: "slides" });
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it("stores a buffer under <dataDir>/storage/<bucket>/ and reads it back", async () => {
    const body = Buffer.from("a slide's bytes");
    const stored = await storage.put("ws-1/post-9/0.png", body, "image/png");
    expect(stored).toEqual({ path: "ws-1/post-9/0.png", bytes: body.length, sha256: sha256(body) });
    expect(root).toBe(path.join(dataDir, "storage", "slides"));
    expect(await readFile(path.join(root, "ws-1", "post-9", "0.png"))).toEqual(body);
    expect(await readAll(await storage.get("ws-1/post-9/0.png"))).toEqual(body);
  });

  it("streams a Readable to disk, hashing and counting as it goes", async () => {
    const parts = Array.from({ length: 50 }, (_, i) => Buffer.alloc(10_000, i));
    const stored = await storage.put("big/object.bin", Readable.from(parts), "application/octet-stream");
    const whole = Buffer.concat(parts);
    expect(stored.bytes).toBe(whole.length);
    expect(stored.sha256).toBe(sha256(whole));
    expect(await readAll(await storage.get("big/object.bin"))).toEqual(whole);
  });

  it("replaces an object in place and leaves no temporary files", async () => {
    await storage.put("a/b.png", Buffer.from("first"), "image/png");
    await storage.put("a/b.png", Buffer.from("second"), "image/png");
    expect((await readAll(await storage.get("a/b.png")))?.toString()).toBe("second");
    expect(await readdir(path.join(root, "a"))).toEqual(["b.png"]);
  });

  it("cleans up after a failing stream and keeps the previous object", async () => {
    await storage.put("a/b.png", Buffer.from("kept"), "image/png");
    const failing = new Readable({
      read() {
        this.destroy(new Error("network dropped"));
      },
    });
    await expect(storage.put("a/b.png", failing, "image/png")).rejects.toThrow("network dropped");
    expect(await readdir(path.join(root, "a"))).toEqual(["b.png"]);
    expect((await readAll(await storage.get("a/b.png")))?.toString()).toBe("kept");
  });

  it("releases a stream it could not write (the temporary file's name is too long), leaving nothing behind", async () => {
    // 230 characters is a valid file name; with ".<uuid>.tmp" the temporary one passes the 255 limit.
    const name = `${"n".repeat(226)}.png`;
    const body = Readable.from([Buffer.from("never written")]);
    await expect(storage.put(`long/${name}`, body, "image/png")).rejects.toMatchObject({ code: "ENAMETOOLONG" });
    expect(body.destroyed).toBe(true);
    expect(await readdir(path.join(root, "long"))).toEqual([]);
  });

  it("answers null for a missing object or a folder, and deleting twice is fine", async () => {
    expect(await storage.get("missing.png")).toBeNull();
    expect(await storage.get("nested/missing.png")).toBeNull();
    await storage.put("folder/x.png", Buffer.from("x"), "image/png");
    expect(await storage.get("folder")).toBeNull();
    await storage.delete("folder/x.png");
    await storage.delete("folder/x.png");
    expect(await storage.get("folder/x.png")).toBeNull();
  });

  it.each([
    "../outside.png",
    "a/../../outside.png",
    "a/../b.png",
    "/etc/passwd",
    "a//b.png",
    "./a.png",
    "a\\..\\b.png",
    "a/\u0000.png",
    "",
    "x".repeat(1025),
  ])("refuses the path %j", async (objectPath) => {
    const sentinel = path.join(dataDir, "storage", "outside.png");
    await mkdir(path.dirname(sentinel), { recursive: true });
    await writeFile(sentinel, "untouched");
    for (const attempt of [
      () => storage.put(objectPath, Buffer.from("evil"), "image/png"),
      () => storage.get(objectPath),
      () => storage.delete(objectPath),
    ]) {
      await expect(attempt()).rejects.toSatisfy((error) => error instanceof AppError && error.code === "invalid_input");
    }
    expect(await readFile(sentinel, "utf8")).toBe("untouched");
    expect(await readdir(dataDir)).toEqual(["storage"]);
  });
});
