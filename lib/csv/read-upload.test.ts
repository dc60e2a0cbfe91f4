import { describe, expect, it } from "vitest";
import { readCsvUpload } from "./read-upload";

function form(fields: Record<string, string | Blob>): Request {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value instanceof Blob) body.append(key, value, "accounts.csv");
    else body.append(key, value);
  }
  return new Request("http://test/upload", { method: "POST", body });
}

/** A 50 MB body produced lazily, counting how much of it the reader pulled. */
function hugeStream(headers: Record<string, string>) {
  const total = 50 * 1024 * 1024;
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  const state = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      state.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const request = new Request("http://test/upload", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, state };
}

describe("readCsvUpload", () => {
  it("returns the file bytes and the text fields", async () => {
    const upload = await readCsvUpload(form({ file: new Blob(["platform,handle\nx,a\n"]), dryRun: "true" }));
    expect(new TextDecoder().decode(upload.file)).toBe("platform,handle\nx,a\n");
    expect(upload.fields).toEqual({ dryRun: "true" });
    expect(upload.fileName).toBe("accounts.csv");
  });

  it("refuses a declared 50 MB body before reading any of it", async () => {
    const { request, state } = hugeStream({ "content-type": "multipart/form-data; boundary=x", "content-length": String(50 * 1024 * 1024) });
    await expect(readCsvUpload(request)).rejects.toMatchObject({ code: "payload_too_large" });
    expect(state.pulled).toBeLessThanOrEqual(64 * 1024);
  });

  it("stops reading an undeclared 50 MB body once it passes the cap", async () => {
    const { request, state } = hugeStream({ "content-type": "multipart/form-data; boundary=x" });
    await expect(readCsvUpload(request)).rejects.toMatchObject({ code: "payload_too_large" });
    expect(state.pulled).toBeLessThan(6 * 1024 * 1024);
  });

  it("refuses a file just over 5 MB, a missing file and a non-multipart body", async () => {
    await expect(readCsvUpload(form({ file: new Blob([new Uint8Array(5 * 1024 * 1024 + 1)]) }))).rejects.toMatchObject({ code: "payload_too_large" });
    await expect(readCsvUpload(form({ dryRun: "true" }))).rejects.toMatchObject({ code: "invalid_input" });
    await expect(readCsvUpload(new Request("http://test", { method: "POST", body: "a,b" }))).rejects.toMatchObject({ code: "invalid_input" });
  });
});
