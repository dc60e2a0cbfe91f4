import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { StorageClient } from "@supabase/storage-js";
import { AppError } from "@/lib/errors";
import { checkObjectPath, type Storage } from "./storage";

export interface SupabaseStorageOptions {
  url: string;
  serviceRoleKey: string;
  bucket: string;
  /** Injected in tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

const DEFAULT_URL_TTL_SECONDS = 60 * 60;

async function toBuffer(body: Buffer | Readable): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}

function isNotFound(error: unknown): boolean {
  const { status, statusCode, message } = error as { status?: number; statusCode?: string; message?: string };
  // Storage answers a missing object with 400 and statusCode "404" (older servers) or a plain 404.
  return status === 404 || statusCode === "404" || statusCode === "not_found" || /not.?found/i.test(message ?? "");
}

function unavailable(action: string, error: { message: string }): AppError {
  return new AppError("unavailable", `Supabase Storage ${action} failed: ${error.message}`);
}

/**
 * A Supabase Storage bucket, reached with the service-role key (server side only). This is the
 * client behind supabase-js's `client.storage`; createClient itself throws on Node 20, which has
 * no native WebSocket for the realtime client it always builds.
 */
export function createSupabaseStorage(options: SupabaseStorageOptions): Storage {
  const client = new StorageClient(
    `${options.url.replace(/\/+$/, "")}/storage/v1`,
    { apikey: options.serviceRoleKey, Authorization: `Bearer ${options.serviceRoleKey}` },
    options.fetch,
  );
  const bucket = () => client.from(options.bucket);

  return {
    bucket: options.bucket,

    async put(path, body, contentType) {
      // Slides are small; buffering gives us the hash and a body every fetch implementation accepts.
      const buffer = await toBuffer(body);
      const { error } = await bucket().upload(checkObjectPath(path), buffer, { contentType, upsert: true });
      if (error) throw unavailable("upload", error);
      return { path, bytes: buffer.length, sha256: createHash("sha256").update(buffer).digest("hex") };
    },

    async get(path) {
      const { data, error } = await bucket().download(checkObjectPath(path));
      if (error) {
        if (isNotFound(error)) return null;
        throw unavailable("download", error);
      }
      return Readable.from(Buffer.from(await data.arrayBuffer()));
    },

    async url(path, { expiresInSeconds = DEFAULT_URL_TTL_SECONDS } = {}) {
      const { data, error } = await bucket().createSignedUrl(checkObjectPath(path), expiresInSeconds);
      if (error) throw unavailable("signed URL", error);
      return data.signedUrl;
    },

    async delete(path) {
      const { error } = await bucket().remove([checkObjectPath(path)]);
      if (error && !isNotFound(error)) throw unavailable("delete", error);
    },
  };
}
