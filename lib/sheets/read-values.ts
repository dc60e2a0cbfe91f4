import { z } from "zod";
import type { SheetsClient } from "./sheets-client";

const valueRangeSchema = z.object({
  range: z.string().optional(),
  values: z.array(z.array(z.union([z.string(), z.number(), z.boolean()]).transform(String))).optional(),
});

const batchSchema = z.object({ valueRanges: z.array(valueRangeSchema).default([]) });

/** Formatted strings, as a person sees them; Google drops trailing empty cells and rows. */
export type Grid = string[][];

export async function readValues(client: SheetsClient, spreadsheetId: string, tab: string, range: string): Promise<Grid> {
  const data = await client.read({ spreadsheetId, tab }, (api, options) =>
    api.spreadsheets.values.get({ spreadsheetId, range, majorDimension: "ROWS", valueRenderOption: "FORMATTED_VALUE" }, options),
  );
  return valueRangeSchema.parse(data).values ?? [];
}

/** Several ranges in one request (one quota unit), in the order asked. */
export async function batchReadValues(client: SheetsClient, spreadsheetId: string, tab: string, ranges: string[]): Promise<Grid[]> {
  const data = await client.read({ spreadsheetId, tab }, (api, options) =>
    api.spreadsheets.values.batchGet({ spreadsheetId, ranges, majorDimension: "ROWS", valueRenderOption: "FORMATTED_VALUE" }, options),
  );
  const parsed = batchSchema.parse(data).valueRanges;
  return ranges.map((_, index) => parsed[index]?.values ?? []);
}
