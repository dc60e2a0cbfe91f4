import { createHash, randomUUID } from "node:crypto";
import { mkdir, open, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "@/lib/errors";
import { checkObjectPath, type Storage, type StoredObject } from "./storage";

export interface LocalStorageOptions {
  /** REACH_DATA_DIR: objects live under <dataDir>/storage/<bucket>/. */
  dataDir: string;
  bucket: string;
}

export function localBucketRoot({ dataDir, bucket }: LocalStorageOptions): string {
  return path.join(path.resolve(dataDir), "storage", checkObjectPath(bucket).replaceAll("/", "_"));
}

/** Files on the local disk: the embedded default, mirroring a Supabase Storage bucket. */
export function createLocalStorage(options: LocalStorageOptions): Storage {
  const root = localBucketRoot(options);

  function resolve(objectPath: string): string {
    const target = path.resolve(root, checkObjectPath(objectPath));
    // Belt and braces: checkObjectPath already refuses "..", this also refuses whatever it missed.
    if (!target.startsWith(root + path.sep)) throw new AppError("invalid_input", "Storage path escapes the bucket");
    return target;
  }

  return {
    bucket: options.bucket,

    async put(objectPath, body): Promise<StoredObject> {
      const target = resolve(objectPath);
      await mkdir(path.dirname(target), { recursive: true });
      // Write beside the target and rename, so a reader never sees a half-written object.
      const temp = `${target}.${randomUUID()}.tmp`;
      const hash = createHash("sha256");
      let bytes = 0;
      try {
        if (Buffer.isBuffer(body)) {
          hash.update(body);
          bytes = body.length;
          await writeFile(temp, body);
        } else {
          const measure = new Transform({
            transform(chunk: Buffer, _encoding, callback) {
              hash.update(chunk);
              bytes += chunk.length;
              callback(null, chunk);
            },
          });
          // Open before piping: a stream that opens lazily can create the file after the cleanup below.
          const handle = await open(temp, "w");
          await pipeline(body, measure, handle.createWriteStream()).finally(() => handle.close().catch(() => undefined));
        }
        await rename(temp, target);
      } catch (error) {
        // A body never piped (the file would not open) is released here, as pipeline does on failure.
        if (!Buffer.isBuffer(body)) body.destroy();
        await rm(temp, { force: true });
        throw error;
      }
      return { path: objectPath, bytes, sha256: hash.digest("hex") };
    },

    async get(objectPath): Promise<Readable | null> {
      const handle = await open(resolve(objectPath), "r").catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT" || error.code === "ENOTDIR") return null;
        throw error;
      });
      if (!handle) return null;
      // Opening a directory succeeds on Linux; a "folder" is not an object.
      if (!(await handle.stat()).isFile()) {
        await handle.close();
        return null;
      }
      return handle.createReadStream();
    },

    async delete(objectPath) {
      await rm(resolve(objectPath), { force: true });
    },
  };
}
