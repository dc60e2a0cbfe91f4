export type CsvValue = string | number | boolean | null | undefined;

// OWASP "CSV injection": a spreadsheet runs a cell that starts with one of these as a formula.
const FORMULA_TRIGGER = /^[=+\-@\t\r\n]/;

/**
 * One cell, safe to open in a spreadsheet: text that looks like a formula gets a leading ' and
 * every cell is quoted with embedded quotes doubled. Numbers we produced are written as they are.
 */
export function escapeCsvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '""';
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  const text = String(value);
  const guarded = FORMULA_TRIGGER.test(text) ? `'${text}` : text;
  return `"${guarded.replaceAll('"', '""')}"`;
}

/** Every CSV that Reach writes goes through here (RFC 4180: CRLF rows). `bom` helps Excel detect UTF-8. */
export function writeCsv(rows: ReadonlyArray<ReadonlyArray<CsvValue>>, options: { bom?: boolean } = {}): string {
  const body = rows.map((row) => row.map(escapeCsvCell).join(",")).join("\r\n");
  return `${options.bom ? "\uFEFF" : ""}${body}\r\n`;
}
