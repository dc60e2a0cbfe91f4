import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { CSV_MAX_ROWS, readCsv } from "./read-csv";
import { escapeCsvCell, writeCsv } from "./write-csv";

const bytes = (text: string) => new TextEncoder().encode(text);

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("readCsv", () => {
  it("reads quoted fields, embedded newlines and quotes, a BOM and CRLF rows", () => {
    const table = readCsv(bytes('\uFEFFplatform,handle,name\r\nx,"a,b","say ""hi""\r\nthere"\r\n\r\ntiktok,@c,\r\n'));
    expect(table.headers).toEqual(["platform", "handle", "name"]);
    expect(table.rows).toEqual([
      { line: 2, cells: ["x", "a,b", 'say "hi"\r\nthere'] },
      { line: 4, cells: ["tiktok", "@c", ""] },
    ]);
  });

  it("detects semicolon- and tab-separated files", () => {
    expect(readCsv(bytes("platform;handle\nx;\"a;b\"\ny;c\n")).rows[0]?.cells).toEqual(["x", "a;b"]);
    expect(readCsv(bytes("platform\thandle\nx\ta\n")).delimiter).toBe("\t");
  });

  it("refuses empty files, header-only files and files with too many rows", () => {
    expect(refusal(() => readCsv(bytes(""))).message).toBe("The file is empty.");
    expect(refusal(() => readCsv(bytes("platform,handle\r\n\r\n"))).message).toMatch(/header row but no data rows/);
    const big = `h\n${"a\n".repeat(CSV_MAX_ROWS + 1)}`;
    expect(refusal(() => readCsv(bytes(big))).message).toMatch(/more than 20,000 rows/);
    expect(readCsv(bytes(`h\n${"a\n".repeat(CSV_MAX_ROWS)}`)).rows).toHaveLength(CSV_MAX_ROWS);
  });

  it("judges content, not names: binary, images, archives and non-UTF-8 text are refused", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect(refusal(() => readCsv(png))).toMatchObject({ code: "invalid_input", message: expect.stringMatching(/PNG/) });
    expect(refusal(() => readCsv(bytes("PK\u0003\u0004rest"))).message).toMatch(/ZIP/);
    expect(refusal(() => readCsv(bytes("%PDF-1.7\n"))).message).toMatch(/PDF/);
    expect(refusal(() => readCsv(bytes("a,b\n1\u00002\n"))).message).toMatch(/NUL/);
    expect(refusal(() => readCsv(new Uint8Array([0x68, 0x0a, 0xe9, 0x74, 0xe9, 0x0a]))).message).toMatch(/UTF-8/);
  });

  it("refuses more than 5 MB with payload_too_large", () => {
    expect(refusal(() => readCsv(new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61))).code).toBe("payload_too_large");
  });

  it("refuses an unterminated quote with its row", () => {
    expect(refusal(() => readCsv(bytes('h,i\na,"open\n'))).message).toMatch(/Row 2/);
  });
});

describe("writeCsv", () => {
  it("escapes formula-looking cells as OWASP recommends and doubles quotes", () => {
    expect(escapeCsvCell('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    for (const trigger of ["=", "+", "-", "@", "\t", "\r", "\n"]) expect(escapeCsvCell(`${trigger}1`)).toBe(`"'${trigger}1"`);
    expect(escapeCsvCell("plain")).toBe('"plain"');
    expect(escapeCsvCell(-5)).toBe("-5");
    expect(escapeCsvCell(null)).toBe('""');
    expect(writeCsv([["a", "b"], ["1", "2"]], { bom: true })).toBe('\uFEFF"a","b"\r\n"1","2"\r\n');
  });

  const cell = fc.oneof(fc.string(), fc.constantFrom("=1+1", "+a", "-b", "@c", "\tx", "\rx", "a;b", 'q"q', "a\r\nb", ",", ""));
  const table = fc.integer({ min: 1, max: 5 }).chain((width) =>
    fc.tuple(
      fc.array(fc.string({ minLength: 1 }).filter((header) => header.trim() === header && header.trim() !== ""), { minLength: width, maxLength: width }),
      fc.array(fc.array(cell, { minLength: width, maxLength: width }).filter((row) => row.some((c) => c.trim() !== "")), { minLength: 1, maxLength: 8 }),
    ),
  );
  const neutralized = (value: string) => (/^[=+\-@\t\r\n]/.test(value) ? `'${value}` : value);

  it("round-trips any table through readCsv, with formula triggers neutralized", () => {
    fc.assert(
      fc.property(table, ([headers, rows]) => {
        const read = readCsv(bytes(writeCsv([headers, ...rows])));
        expect(read.headers).toEqual(headers.map(neutralized).map((header) => header.trim()));
        expect(read.rows.map((row) => row.cells)).toEqual(rows.map((row) => row.map(neutralized)));
      }),
      { numRuns: 300 },
    );
  });

  it("never writes a cell that a spreadsheet would run", () => {
    fc.assert(
      fc.property(table, ([headers, rows]) => {
        for (const row of readCsv(bytes(writeCsv([headers, ...rows]))).rows) {
          for (const value of row.cells) expect(value).not.toMatch(/^[=+\-@\t\r\n]/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
