export type ImageFormat = "jpeg" | "png" | "webp" | "avif";

const HEADERS: Record<ImageFormat, Buffer> = {
  jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]),
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  webp: Buffer.concat([Buffer.from("RIFF"), Buffer.from([0, 0, 0, 0]), Buffer.from("WEBPVP8 ")]),
  avif: Buffer.concat([Buffer.from([0, 0, 0, 0x1c]), Buffer.from("ftypavif")]),
};

const CHUNK = 64 * 1024;

/** Yields an image-shaped body of exactly `bytes` bytes in 64 KB chunks, so large fixtures are never held whole. */
export function* imageChunks(format: ImageFormat, bytes: number): Generator<Buffer> {
  const header = HEADERS[format];
  const filler = Buffer.alloc(CHUNK, 0x5a);
  yield header.subarray(0, Math.min(header.length, bytes));
  for (let sent = header.length; sent < bytes; sent += CHUNK) yield filler.subarray(0, Math.min(CHUNK, bytes - sent));
}
