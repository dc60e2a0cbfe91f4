/**
 * A link that opens a Google Sheet at one row. With the tab's gid the range lands on that tab;
 * without it (Reach does not store gids yet) the range names the tab, which Sheets also follows.
 */
export function sheetRowUrl(spreadsheetId: string, row: number, tab: { gid?: number | null; name: string }): string {
  const base = `https://docs.google.com/spreadsheets/d/${encodeURIComponent(spreadsheetId)}/edit`;
  if (tab.gid !== undefined && tab.gid !== null) return `${base}#gid=${tab.gid}&range=A${row}`;
  return `${base}#range=${encodeURIComponent(`'${tab.name.replaceAll("'", "''")}'!A${row}`)}`;
}
