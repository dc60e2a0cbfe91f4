import ExcelJS from "exceljs";

/**
 * The first sheet of an XLSX download as rows of cell values (null for an empty cell), and a check
 * that no cell is a formula: an export writes text as text.
 */
export async function xlsxRows(bytes: Buffer): Promise<(string | number | boolean | null)[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("the workbook has no sheet");
  const width = sheet.columnCount;
  const rows: (string | number | boolean | null)[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push(
      Array.from({ length: width }, (_, n) => {
        const cell = row.getCell(n + 1);
        if (cell.type === ExcelJS.ValueType.Formula) throw new Error(`cell ${cell.address} is a formula`);
        const value = cell.value;
        return value === null || value === undefined ? null : (value as string | number | boolean);
      }),
    );
  });
  return rows;
}
