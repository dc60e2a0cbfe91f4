/**
 * A link that opens a Google Sheet at one row: the tab's gid (stored when the sheet is connected)
 * and the row. Sheets connected before gids were stored get a range that names the tab instead.
 */
export function sheetRowUrl(spreadsheetId: string, row: number, tab: { gid?: number | null; name: string }): string {
  const base = `https://docs.google.com/spreadsheets/d/${encodeURIComponent(spreadsheetId)}/edit`;
  if (tab.gid !== undefined && tab.gid !== null) return `${base}#gid=${tab.gid}&range=A${row}`;
  return `${base}#range=${encodeURIComponent(`'${tab.name.replaceAll("'", "''")}'!A${row}`)}`;
}
