import { z } from "zod";
import { isScrapeError } from "@/lib/scrapers/errors";
import { parseTiktokPostUrl, type TiktokPostRef } from "@/lib/scrapers/platforms/tiktok/post-url";
import { FIELD_LABELS } from "@/lib/domain/sheet-fields";
import type { ColumnIndexes } from "./header-mapping";

export const URL_CELL_MAX = 2048;
export const TEXT_CELL_MAX = 1000;

/** The key rows are matched by: a post's id, a short link's path, else the cell's trimmed text. */
export function sheetPostKey(url: string): string {
  try {
    const ref = parseTiktokPostUrl(url);
    return ref.kind === "post" ? `tiktok:${ref.id}` : `short:${ref.url.replace(/\/$/, "")}`;
  } catch {
    return `text:${url.trim()}`;
  }
}

const postUrl = z.string().transform((text, ctx): { url: string; ref: TiktokPostRef } => {
  const url = text.trim();
  if (url.length > URL_CELL_MAX) {
    ctx.addIssue({ code: "custom", message: `the ${FIELD_LABELS.url} cell is ${url.length.toLocaleString("en-US")} characters; a post URL is at most ${URL_CELL_MAX.toLocaleString("en-US")}` });
    return z.NEVER;
  }
  try {
    return { url, ref: parseTiktokPostUrl(url) };
  } catch (error) {
    const reason = isScrapeError(error) ? error.message : "it is not a URL";
    ctx.addIssue({ code: "custom", message: `not a TikTok post URL (${reason})` });
    return z.NEVER;
  }
});

const text = (label: string) =>
  z
    .string()
    .transform((value) => value.trim())
    .refine((value) => value.length <= TEXT_CELL_MAX, { error: (issue) => `the ${label} cell is ${String(issue.input).trim().length.toLocaleString("en-US")} characters; at most ${TEXT_CELL_MAX.toLocaleString("en-US")}` })
    .transform((value) => (value === "" ? null : value));

export const sheetRowSchema = z.object({
  rowNumber: z.number().int().min(2),
  url: postUrl,
  creator: text(FIELD_LABELS.creator),
  set: text(FIELD_LABELS.set),
  va: text(FIELD_LABELS.va),
  type: text(FIELD_LABELS.type),
});

export interface SheetRow {
  rowNumber: number;
  url: string;
  key: string;
  ref: TiktokPostRef;
  creator: string | null;
  set: string | null;
  va: string | null;
  type: string | null;
}

export interface InvalidSheetRow {
  rowNumber: number;
  /** The URL cell as written (at most 200 characters), for write-back and reports. */
  url: string;
  key: string;
  reason: string;
}

/** Validates one ready row's mapped cells; the reason is plain language, one problem per cell. */
export function parseSheetRow(rowNumber: number, cells: readonly string[], columns: ColumnIndexes): { ok: true; row: SheetRow } | { ok: false; row: InvalidSheetRow } {
  const cell = (index: number | undefined) => (index === undefined ? "" : (cells[index] ?? ""));
  const urlText = cell(columns.url);
  const parsed = sheetRowSchema.safeParse({
    rowNumber,
    url: urlText,
    creator: cell(columns.creator),
    set: cell(columns.set),
    va: cell(columns.va),
    type: cell(columns.type),
  });
  if (!parsed.success) {
    const reason = parsed.error.issues.map((issue) => issue.message).join("; ");
    return { ok: false, row: { rowNumber, url: urlText.trim().slice(0, 200), key: sheetPostKey(urlText), reason } };
  }
  const { url, ...rest } = parsed.data;
  return { ok: true, row: { ...rest, url: url.url, ref: url.ref, key: sheetPostKey(url.url) } };
}
