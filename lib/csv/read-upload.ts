import { AppError } from "@/lib/errors";
import { CSV_MAX_BYTES } from "./read-csv";

// Room for the multipart boundaries and the other form fields around the file itself.
const MULTIPART_OVERHEAD = 64 * 1024;

export interface CsvUpload {
  file: Uint8Array;
  fileName: string;
  fields: Record<string, string>;
}

const tooLarge = () => new AppError("payload_too_large", "The file is larger than 5 MB.");

/** Reads the body with a byte cap: a declared or streamed size over the cap stops reading at once. */
async function readCapped(request: Request, cap: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > cap) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** A multipart/form-data upload with a `file` field of at most 5 MB, plus its text fields. */
export async function readCsvUpload(request: Request): Promise<CsvUpload> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError("invalid_input", "Send the CSV as multipart/form-data with a `file` field.");
  }
  const body = await readCapped(request, CSV_MAX_BYTES + MULTIPART_OVERHEAD);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("invalid_input", "The upload is not valid multipart/form-data.");
  }
  const file = form.get("file");
  if (!(file instanceof Blob)) throw new AppError("invalid_input", "Choose a CSV file to upload (form field `file`).");
  if (file.size > CSV_MAX_BYTES) throw tooLarge();
  const fields: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") fields[key] = value;
  return { file: new Uint8Array(await file.arrayBuffer()), fileName: file instanceof File ? file.name : "upload.csv", fields };
}
