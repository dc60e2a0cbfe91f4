import { fromBufferPromise, type Entry } from "yauzl";

/** The entries of a zip, in order, with their uncompressed bytes: what a user would find after unzipping. */
export async function zipEntries(bytes: Buffer): Promise<{ name: string; bytes: number; data: Buffer }[]> {
  const zip = await fromBufferPromise(bytes, { lazyEntries: true });
  const entries: { name: string; bytes: number; data: Buffer }[] = [];
  return new Promise((resolve, reject) => {
    zip.on("error", reject);
    zip.on("end", () => resolve(entries));
    zip.on("entry", (entry: Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("error", reject);
        stream.on("end", () => {
          const data = Buffer.concat(chunks);
          entries.push({ name: entry.fileName, bytes: data.length, data });
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
}
