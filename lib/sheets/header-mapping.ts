import { z } from "zod";
import { FIELD_SYNONYMS, SHEET_FIELDS, type SheetField } from "@/lib/domain/sheet-fields";

/** field → the header text as it appears in row 1; stored by name so inserted columns do not break it. */
export const headerMappingSchema = z.partialRecord(z.enum(SHEET_FIELDS), z.string().trim().min(1).max(200));
export type HeaderMapping = z.infer<typeof headerMappingSchema>;

/** Case- and space-insensitive: "  Post   url" and "posturl" are both "Post URL". */
export function normalizeHeader(text: string): string {
  return text.toLowerCase().replace(/\s+/g, "");
}

/** Each field takes the first header matching its best synonym; a header serves one field only. */
export function detectMapping(headers: readonly string[]): HeaderMapping {
  const byName = new Map<string, string>();
  for (const header of headers) {
    const key = normalizeHeader(header);
    if (key && !byName.has(key)) byName.set(key, header);
  }
  const used = new Set<string>();
  const mapping: HeaderMapping = {};
  for (const field of SHEET_FIELDS) {
    for (const synonym of FIELD_SYNONYMS[field]) {
      const header = byName.get(normalizeHeader(synonym));
      if (header !== undefined && !used.has(header)) {
        mapping[field] = header;
        used.add(header);
        break;
      }
    }
  }
  return mapping;
}

export type ColumnIndexes = Partial<Record<SheetField, number>>;

/** Where each mapped header is in the current row 1; a mapped header that is gone is a problem, listed. */
export function resolveColumns(mapping: HeaderMapping, headers: readonly string[]): { columns: ColumnIndexes; missing: string[] } {
  const columns: ColumnIndexes = {};
  const missing: string[] = [];
  const index = new Map<string, number>();
  headers.forEach((header, position) => {
    const key = normalizeHeader(header);
    if (key && !index.has(key)) index.set(key, position);
  });
  for (const [field, header] of Object.entries(mapping) as [SheetField, string][]) {
    const position = index.get(normalizeHeader(header));
    if (position === undefined) missing.push(header);
    else columns[field] = position;
  }
  return { columns, missing };
}
