import { z } from "zod";
import { AppError } from "@/lib/errors";
import { SHEET_FIELDS } from "@/lib/domain/sheet-fields";
import { normalizeHeader, type HeaderMapping } from "@/lib/sheets/header-mapping";
import { noUrlColumnError } from "@/lib/sheets/open-sheet-tab";
import { statusValuesSchema } from "@/lib/sheets/status-values";

export const sheetSettingsSchema = z.object({
  name: z.string().trim().max(200).transform((value) => (value === "" ? null : value)).nullable().optional(),
  /** Replaces the detected mapping field by field; null unmaps a field. */
  mapping: z.partialRecord(z.enum(SHEET_FIELDS), z.string().trim().min(1).max(200).nullable()).optional(),
  statusValues: statusValuesSchema.partial().optional(),
});
export type SheetSettings = z.infer<typeof sheetSettingsSchema>;

/** The mapping to store: every header must be in row 1, URL and status must be mapped, no header twice. */
export function finalMapping(base: HeaderMapping, overrides: SheetSettings["mapping"], headers: readonly string[]): HeaderMapping {
  const mapping: HeaderMapping = { ...base };
  for (const [field, header] of Object.entries(overrides ?? {}) as [keyof HeaderMapping, string | null][]) {
    if (header === null) delete mapping[field];
    else mapping[field] = header;
  }
  const present = new Map(headers.map((header) => [normalizeHeader(header), header]));
  const seen = new Set<string>();
  for (const [field, header] of Object.entries(mapping) as [keyof HeaderMapping, string][]) {
    const actual = present.get(normalizeHeader(header));
    if (actual === undefined) throw new AppError("invalid_input", `"${header}" (mapped to ${field}) is not in the header row.`, { headers: [...headers] });
    if (seen.has(actual)) throw new AppError("invalid_input", `"${actual}" is mapped to two fields.`);
    seen.add(actual);
    mapping[field] = actual;
  }
  if (!mapping.url) throw noUrlColumnError(headers);
  if (!mapping.status) throw new AppError("invalid_input", `Map a status column: the header row has ${headers.map((header) => `"${header}"`).join(", ")}.`, { headers: [...headers] });
  return mapping;
}
