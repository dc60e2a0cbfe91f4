import { z } from "zod";
import { AppError } from "@/lib/errors";
import { detectMapping, type HeaderMapping } from "@/lib/sheets/header-mapping";
import { openSpreadsheet } from "@/lib/sheets/open-spreadsheet";
import { readHeaderRow } from "@/lib/sheets/read-header-row";
import type { SheetsClient } from "@/lib/sheets/sheets-client";
import { parseSpreadsheetRef } from "@/lib/sheets/spreadsheet-id";

export const sheetLocationSchema = z.object({
  url: z.string().trim().min(1, "Give the sheet's link or ID.").max(2048),
  tab: z.string().trim().min(1).max(200).optional(),
});
export type SheetLocation = z.infer<typeof sheetLocationSchema>;

export interface SheetInspection {
  spreadsheetId: string;
  title: string;
  tab: string;
  /** The tab's sheetId, the #gid of links to it. */
  tabGid: number;
  tabs: string[];
  headers: string[];
  detected: HeaderMapping;
  serviceAccountEmail: string;
}

/** Opens the sheet as the service account, picks the tab (named, the link's #gid, else the first) and reads row 1. */
export async function testSheetAccess(client: SheetsClient, location: SheetLocation): Promise<SheetInspection> {
  const ref = parseSpreadsheetRef(location.url);
  const metadata = await openSpreadsheet(client, ref.spreadsheetId);
  const tabs = metadata.tabs.map((tab) => tab.title);
  const tab = location.tab
    ? metadata.tabs.find((candidate) => candidate.title === location.tab)
    : (metadata.tabs.find((candidate) => candidate.sheetId === ref.gid) ?? metadata.tabs[0]);
  if (!tab) {
    const named = location.tab ? `The tab "${location.tab}" does not exist in "${metadata.title}".` : `"${metadata.title}" has no tabs.`;
    throw new AppError("not_found", `${named} Tabs: ${tabs.map((title) => `"${title}"`).join(", ") || "none"}.`, { tabs });
  }
  const headers = await readHeaderRow(client, ref.spreadsheetId, tab.title);
  return { spreadsheetId: ref.spreadsheetId, title: metadata.title, tab: tab.title, tabGid: tab.sheetId, tabs, headers, detected: detectMapping(headers), serviceAccountEmail: client.email };
}
