import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { writeCsv, type CsvValue } from "@/lib/csv/write-csv";
import { EXPORT_CONTENT_TYPES, type ExportFormat } from "@/lib/domain/export-formats";

/** One column of an export: its header and the cell of a row (null or undefined: not reported, an empty cell). */
export type ExportColumn<Row> = [header: string, cell: (row: Row) => CsvValue];

function csvStream<Row>(columns: ExportColumn<Row>[], pages: AsyncIterator<Row[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const page = await pages.next();
      const rows = page.done ? [] : page.value.map((row) => columns.map(([, cell]) => cell(row)));
      if (first) controller.enqueue(encoder.encode(writeCsv([columns.map(([header]) => header), ...rows], { bom: true })));
      else if (rows.length > 0) controller.enqueue(encoder.encode(writeCsv(rows)));
      first = false;
      if (page.done) controller.close();
    },
    async cancel() {
      await pages.return?.();
    },
  });
}

/**
 * exceljs's streaming writer: each row is committed (written to the zip) as it comes, and a page is
 * read only after the output has drained, so memory holds about one page. Text is always a string
 * cell, never a formula, so a cell like "=HYPERLINK(…)" is shown, not run.
 */
function xlsxStream<Row>(columns: ExportColumn<Row>[], pages: AsyncIterator<Row[]>, sheetName: string): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(sheetName);
  const write = async () => {
    sheet.addRow(columns.map(([header]) => header)).commit();
    for (let page = await pages.next(); !page.done; page = await pages.next()) {
      for (const row of page.value) {
        sheet.addRow(columns.map(([, cell]) => cell(row) ?? null)).commit();
      }
      if (output.writableNeedDrain) await once(output, "drain");
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}

/** A download of `pages` (read one at a time, as the answer is consumed) in `format`, named `<filename>.<format>`. */
export function exportResponse<Row>({ format, columns, pages, filename, sheetName }: { format: ExportFormat; columns: ExportColumn<Row>[]; pages: AsyncIterable<Row[]>; filename: string; sheetName: string }): Response {
  const iterator = pages[Symbol.asyncIterator]();
  const body = format === "csv" ? csvStream(columns, iterator) : xlsxStream(columns, iterator, sheetName);
  return new Response(body, {
    headers: { "content-type": EXPORT_CONTENT_TYPES[format], "content-disposition": `attachment; filename="${filename}.${format}"`, "cache-control": "private, no-store" },
  });
}

/** Pages of `limit` rows, each read after the previous page's last key (null first), until a short page. */
export async function* keysetPages<Row>(read: (after: string | null) => Promise<Row[]>, keyOf: (row: Row) => string, limit: number): AsyncGenerator<Row[]> {
  let after: string | null = null;
  for (;;) {
    const rows = await read(after);
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (rows.length < limit || !last) return;
    after = keyOf(last);
  }
}
