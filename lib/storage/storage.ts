import type { Readable } from "node:stream";
import { AppError } from "@/lib/errors";

export interface StoredObject {
  path: string;
  bytes: number;
  sha256: string;
}

/** Object storage for binary artifacts (carousel slides): Supabase Storage or local files. */
export interface Storage {
  readonly bucket: string;
  put(path: string, body: Buffer | Readable, contentType: string): Promise<StoredObject>;
  /** The object's bytes, or null when nothing is stored at `path`. */
  get(path: string): Promise<Readable | null>;
  /** A time-limited URL a browser can fetch directly; absent where objects are served by the app. */
  url?(path: string, options?: { expiresInSeconds?: number }): Promise<string>;
  /** Removing a missing object is not an error. */
  delete(path: string): Promise<void>;
}

const MAX_PATH_LENGTH = 1024;

/**
 * Object paths are relative, slash-separated and free of "." and ".." segments, so no caller can
 * reach outside its bucket (or, for local files, outside the storage directory).
 */
export function checkObjectPath(path: string): string {
  const segments = path.split("/");
  const valid =
    path.length > 0 &&
    path.length <= MAX_PATH_LENGTH &&
    !path.includes("\\") &&
    !/[\u0000-\u001f\u007f]/.test(path) &&
    segments.every((segment) => segment !== "" && segment !== "." && segment !== "..");
  if (!valid) throw new AppError("invalid_input", `Invalid storage path: ${JSON.stringify(path.slice(0, 200))}`);
  return path;
}
