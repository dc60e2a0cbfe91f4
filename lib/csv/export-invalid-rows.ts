import { writeCsv } from "./write-csv";

export interface InvalidRows {
  headers: string[];
  invalid: { line: number; cells: string[]; reason: string }[];
}

/** The rows an import refused, as the user sent them plus `line` and `error` columns, ready to fix and upload again. */
export function exportInvalidRows(preview: InvalidRows): string {
  const width = preview.headers.length;
  const rows = preview.invalid.map((row) => [
    ...Array.from({ length: width }, (_, index) => row.cells[index] ?? ""),
    row.line,
    row.reason,
  ]);
  return writeCsv([[...preview.headers, "line", "error"], ...rows], { bom: true });
}
