import { AppError } from "@/lib/errors";

const ID = /^[A-Za-z0-9_-]{20,100}$/;

export interface SpreadsheetRef {
  spreadsheetId: string;
  /** The tab's numeric id from a URL's #gid= or ?gid=, when the link pointed at one. */
  gid: number | null;
}

/** A docs.google.com/spreadsheets/d/<id>/… link or a bare spreadsheet id. */
export function parseSpreadsheetRef(input: string): SpreadsheetRef {
  const trimmed = input.trim();
  if (ID.test(trimmed)) return { spreadsheetId: trimmed, gid: null };
  const url = URL.parse(trimmed);
  const match = url && url.hostname === "docs.google.com" ? /^\/spreadsheets\/d\/([A-Za-z0-9_-]{20,100})(?:\/|$)/.exec(url.pathname) : null;
  if (!url || !match?.[1]) {
    throw new AppError("invalid_input", "Give a Google Sheets link (https://docs.google.com/spreadsheets/d/…) or a spreadsheet ID.");
  }
  const gid = /(?:^|[#&?])gid=(\d+)/.exec(`${url.search}${url.hash}`)?.[1];
  return { spreadsheetId: match[1], gid: gid === undefined ? null : Number(gid) };
}
