import { writeCsv } from "@/lib/csv/write-csv";
import type { AccountImportPreview } from "./preview-account-import";

/** The rows an import refused, as the user sent them plus `line` and `error` columns, ready to fix and upload again. */
export function exportInvalidRows(preview: Pick<AccountImportPreview, "headers" | "invalid">): string {
  const width = preview.headers.length;
  const rows = preview.invalid.map((row) => [
    ...Array.from({ length: width }, (_, index) => row.cells[index] ?? ""),
    row.line,
    row.reason,
  ]);
  return writeCsv([[...preview.headers, "line", "error"], ...rows], { bom: true });
}
