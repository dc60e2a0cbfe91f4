import Papa from "papaparse";
import { AppError } from "@/lib/errors";

export const CSV_MAX_BYTES = 5 * 1024 * 1024;
export const CSV_MAX_ROWS = 20_000;

export interface CsvRow {
  /** The row's number as a spreadsheet shows it: the header is row 1. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  headers: string[];
  rows: CsvRow[];
  delimiter: string;
}

const SIGNATURES: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], "a PNG image"],
  [[0xff, 0xd8, 0xff], "a JPEG image"],
  [[0x47, 0x49, 0x46, 0x38], "a GIF image"],
  [[0x50, 0x4b, 0x03, 0x04], "a ZIP archive (an Excel .xlsx workbook is one: save it as CSV)"],
  [[0x25, 0x50, 0x44, 0x46], "a PDF document"],
  [[0x1f, 0x8b], "a gzip archive"],
  [[0xd0, 0xcf, 0x11, 0xe0], "an old Office document (save it as CSV)"],
];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** Decodes an upload as UTF-8 text, judging by its content, never by its file name. */
export function decodeCsvText(bytes: Uint8Array): string {
  if (bytes.byteLength > CSV_MAX_BYTES) throw new AppError("payload_too_large", "The file is larger than 5 MB.");
  const known = SIGNATURES.find(([signature]) => startsWith(bytes, signature));
  if (known) throw new AppError("invalid_input", `The file is ${known[1]}, not a CSV text file.`);
  if (bytes.includes(0)) throw new AppError("invalid_input", "The file is binary (it contains NUL bytes), not a CSV text file.");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("invalid_input", "The file is not UTF-8 text: save it as \"CSV UTF-8\" and upload it again.");
  }
}

const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === "");

/**
 * Reads a CSV upload: BOM, CRLF, quoted fields with embedded newlines, and a comma, semicolon or tab
 * delimiter detected from the content. Blank rows are skipped but keep their row numbers, so a
 * reason points at the row a spreadsheet shows.
 */
export function readCsv(bytes: Uint8Array): CsvTable {
  const text = decodeCsvText(bytes);
  if (text.trim() === "") throw new AppError("invalid_input", "The file is empty.");
  // Papa's guess counts blank lines as one-field rows, so guess on non-blank rows, then parse them all.
  const guess = Papa.parse<string[]>(text, { delimitersToGuess: [",", ";", "\t"], skipEmptyLines: "greedy", preview: 20 });
  const parsed = Papa.parse<string[]>(text, { delimiter: guess.meta.delimiter, skipEmptyLines: false });
  const quoteError = parsed.errors.find((error) => error.type === "Quotes");
  if (quoteError) {
    const row = (quoteError.row ?? 0) + 1;
    throw new AppError("invalid_input", `Row ${row} has a quoted field that is never closed or is malformed.`);
  }
  const records = parsed.data;
  const headerIndex = records.findIndex((cells) => !isBlank(cells));
  const headers = (records[headerIndex] ?? []).map((header) => header.trim());
  const rows: CsvRow[] = [];
  for (let index = headerIndex + 1; index < records.length; index++) {
    const cells = records[index] ?? [];
    if (isBlank(cells)) continue;
    if (rows.length === CSV_MAX_ROWS) {
      throw new AppError("invalid_input", `The file has more than ${CSV_MAX_ROWS.toLocaleString("en-US")} rows; split it into smaller files.`);
    }
    rows.push({ line: index + 1, cells });
  }
  if (rows.length === 0) throw new AppError("invalid_input", "The file has a header row but no data rows.");
  return { headers, rows, delimiter: parsed.meta.delimiter };
}
