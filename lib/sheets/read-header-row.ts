import { quoteTab } from "./a1";
import type { SheetsClient } from "./sheets-client";
import { readValues } from "./read-values";

/** Row 1 of the tab as text; a tab that does not exist is a not_found AppError naming it. */
export async function readHeaderRow(client: SheetsClient, spreadsheetId: string, tab: string): Promise<string[]> {
  const [header] = await readValues(client, spreadsheetId, tab, `${quoteTab(tab)}!1:1`);
  return header ?? [];
}
