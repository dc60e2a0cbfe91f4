/** 'Sheet Name'!…: always quoted, with any quote inside the name doubled, so every tab name is safe. */
export function quoteTab(tab: string): string {
  return `'${tab.replaceAll("'", "''")}'`;
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Rows first..last (1-based, inclusive) of columns fromColumn..toColumn (0-based). */
export function a1Range(tab: string, fromColumn: number, firstRow: number, toColumn: number, lastRow: number): string {
  return `${quoteTab(tab)}!${columnLetter(fromColumn)}${firstRow}:${columnLetter(toColumn)}${lastRow}`;
}
