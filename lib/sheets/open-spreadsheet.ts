import { z } from "zod";
import type { SheetsClient } from "./sheets-client";

const metadataSchema = z.object({
  spreadsheetId: z.string(),
  properties: z.object({ title: z.string() }),
  sheets: z
    .array(
      z.object({
        properties: z.object({
          sheetId: z.number().int(),
          title: z.string(),
          index: z.number().int().optional(),
          gridProperties: z.object({ rowCount: z.number().int().optional(), columnCount: z.number().int().optional() }).optional(),
        }),
      }),
    )
    .default([]),
});

export interface SheetTab {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
}

export interface SpreadsheetMetadata {
  spreadsheetId: string;
  title: string;
  tabs: SheetTab[];
}

/** spreadsheets.get with a field mask: title and tabs, no grid data. */
export async function openSpreadsheet(client: SheetsClient, spreadsheetId: string): Promise<SpreadsheetMetadata> {
  const data = await client.read({ spreadsheetId }, (api, options) =>
    api.spreadsheets.get(
      { spreadsheetId, fields: "spreadsheetId,properties.title,sheets.properties(sheetId,title,index,gridProperties(rowCount,columnCount))" },
      options,
    ),
  );
  const parsed = metadataSchema.parse(data);
  return {
    spreadsheetId: parsed.spreadsheetId,
    title: parsed.properties.title,
    tabs: parsed.sheets.map(({ properties }) => ({
      sheetId: properties.sheetId,
      title: properties.title,
      rowCount: properties.gridProperties?.rowCount ?? 1000,
      columnCount: properties.gridProperties?.columnCount ?? 26,
    })),
  };
}
