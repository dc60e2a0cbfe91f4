/** A parsed A1 range: 0-based, inclusive; an open end is Infinity. */
export interface FakeRange {
  tab: string;
  row1: number;
  col1: number;
  row2: number;
  col2: number;
}

function columnIndex(letters: string): number {
  let index = 0;
  for (const char of letters.toUpperCase()) index = index * 26 + (char.charCodeAt(0) - 64);
  return index - 1;
}

function splitTab(range: string): { tab: string | null; cells: string | null } {
  if (range.startsWith("'")) {
    let name = "";
    let i = 1;
    for (; i < range.length; i++) {
      if (range[i] === "'" && range[i + 1] === "'") {
        name += "'";
        i++;
      } else if (range[i] === "'") break;
      else name += range[i];
    }
    const rest = range.slice(i + 1);
    if (rest === "") return { tab: name, cells: null };
    return rest.startsWith("!") ? { tab: name, cells: rest.slice(1) } : { tab: null, cells: null };
  }
  const bang = range.lastIndexOf("!");
  return bang >= 0 ? { tab: range.slice(0, bang), cells: range.slice(bang + 1) } : { tab: null, cells: range };
}

const CELL = /^([A-Za-z]{0,3})(\d*)$/;

/** Google's A1 grammar as far as Reach uses it: 'Tab'!A1:B2, Tab!1:1, Tab!C2:C, Tab!F5, or a bare tab name. */
export function parseFakeRange(range: string, tabs: readonly string[]): FakeRange | null {
  const split = splitTab(range.trim());
  if (split.tab === null && split.cells !== null && tabs.includes(split.cells)) return { tab: split.cells, row1: 0, col1: 0, row2: Infinity, col2: Infinity };
  const tab = split.tab ?? tabs[0];
  if (tab === undefined || !tabs.includes(tab)) return null;
  if (split.cells === null) return { tab, row1: 0, col1: 0, row2: Infinity, col2: Infinity };
  const [start, end = start] = split.cells.split(":");
  const a = CELL.exec(start ?? "");
  const b = CELL.exec(end ?? "");
  if (!a || !b || (!a[1] && !a[2]) || (!b[1] && !b[2])) return null;
  const single = split.cells.indexOf(":") < 0;
  if (single && (!a[1] || !a[2])) return null;
  return {
    tab,
    col1: a[1] ? columnIndex(a[1]) : 0,
    row1: a[2] ? Number(a[2]) - 1 : 0,
    col2: b[1] ? columnIndex(b[1]) : Infinity,
    row2: b[2] ? Number(b[2]) - 1 : Infinity,
  };
}

export function letters(index: number): string {
  let out = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}
