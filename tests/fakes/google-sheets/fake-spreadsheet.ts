export type FakeCell = string | number;

/** One tab: a grid of cells (row 0 is the header row) and its grid size, as Google keeps it. */
export class FakeTab {
  rows: FakeCell[][];
  rowCount: number;
  columnCount: number;

  constructor(
    public title: string,
    public sheetId: number,
    rows: FakeCell[][],
  ) {
    this.rows = rows.map((row) => [...row]);
    this.rowCount = Math.max(1000, rows.length);
    this.columnCount = Math.max(26, ...rows.map((row) => row.length));
  }

  /** A1 cell ("F12") as stored, "" when empty. */
  get(a1: string): FakeCell {
    const match = /^([A-Z]+)(\d+)$/.exec(a1);
    if (!match?.[1] || !match[2]) throw new Error(`not a cell: ${a1}`);
    let column = 0;
    for (const char of match[1]) column = column * 26 + (char.charCodeAt(0) - 64);
    return this.rows[Number(match[2]) - 1]?.[column - 1] ?? "";
  }

  setCell(row: number, column: number, value: FakeCell) {
    while (this.rows.length <= row) this.rows.push([]);
    const cells = this.rows[row] ?? [];
    while (cells.length < column) cells.push("");
    cells[column] = value;
    this.rows[row] = cells;
  }

  /** Inserts rows so the first new one becomes sheet row `rowNumber` (1-based), as "Insert row above" does. */
  insertRows(rowNumber: number, rows: FakeCell[][]) {
    this.rows.splice(rowNumber - 1, 0, ...rows.map((row) => [...row]));
    this.rowCount += rows.length;
  }

  deleteRows(rowNumber: number, count = 1) {
    this.rows.splice(rowNumber - 1, count);
    this.rowCount -= count;
  }

  /** Sorts the data rows (row 2 on) by one column's text, as "Sort sheet A → Z" does. */
  sortBy(column: number, descending = false) {
    const [header = [], ...data] = this.rows;
    data.sort((a, b) => String(a[column] ?? "").localeCompare(String(b[column] ?? "")) * (descending ? -1 : 1));
    this.rows = [header, ...data];
  }

  /** A deep copy, for proving which cells a write changed. */
  snapshot(): FakeCell[][] {
    return this.rows.map((row) => [...row]);
  }
}

export interface FakeSpreadsheet {
  spreadsheetId: string;
  title: string;
  tabs: FakeTab[];
  /** email → role; anyone else gets 403 PERMISSION_DENIED. */
  shares: Map<string, "reader" | "writer">;
}

/** Every cell that differs between two snapshots, as "F12: 'a' → 'b'". */
export function diffCells(before: FakeCell[][], after: FakeCell[][]): string[] {
  const changes: string[] = [];
  const rows = Math.max(before.length, after.length);
  for (let r = 0; r < rows; r++) {
    const a = before[r] ?? [];
    const b = after[r] ?? [];
    for (let c = 0; c < Math.max(a.length, b.length); c++) {
      const x = a[c] ?? "";
      const y = b[c] ?? "";
      if (x !== y) {
        let letters = "";
        for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
        changes.push(`${letters}${r + 1}: ${JSON.stringify(x)} → ${JSON.stringify(y)}`);
      }
    }
  }
  return changes;
}
