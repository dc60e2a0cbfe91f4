"use client";

import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { FIELD_LABELS, SHEET_FIELDS, type SheetField } from "@/lib/domain/sheet-fields";
import type { HeaderMapping } from "@/lib/sheets/header-mapping";
import type { StatusValues } from "@/lib/sheets/status-values";

export type MappingDraft = Record<SheetField, string>;

export function toDraft(mapping: HeaderMapping): MappingDraft {
  return Object.fromEntries(SHEET_FIELDS.map((field) => [field, mapping[field] ?? ""])) as MappingDraft;
}

/** Every field, mapped or explicitly unmapped (null), so the server replaces what it detected. */
export function fromDraft(draft: MappingDraft): Record<SheetField, string | null> {
  return Object.fromEntries(SHEET_FIELDS.map((field) => [field, draft[field] || null])) as Record<SheetField, string | null>;
}

export function SheetMappingFields({
  id,
  headers,
  mapping,
  onMapping,
  status,
  onStatus,
}: {
  id: string;
  headers: string[];
  mapping: MappingDraft;
  onMapping: (next: MappingDraft) => void;
  status: StatusValues;
  onStatus: (next: StatusValues) => void;
}) {
  return (
    <div className="grid gap-4">
      <fieldset className="grid gap-2 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-medium">Columns</legend>
        {SHEET_FIELDS.map((field) => (
          <div key={field} className="grid grid-cols-[7rem_1fr] items-center gap-2">
            <Label htmlFor={`${id}-${field}`}>
              {FIELD_LABELS[field]}
              {field === "url" || field === "status" ? " *" : ""}
            </Label>
            <Select id={`${id}-${field}`} value={mapping[field]} onChange={(event) => onMapping({ ...mapping, [field]: event.target.value })}>
              <option value="">— not mapped —</option>
              {headers.filter((header) => header.trim() !== "").map((header) => (
                <option key={header} value={header}>
                  {header}
                </option>
              ))}
            </Select>
          </div>
        ))}
      </fieldset>
      <fieldset className="grid gap-2 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-medium">Status values</legend>
        {(["ready", "done", "failed"] as const).map((key) => (
          <div key={key} className="grid gap-1">
            <Label htmlFor={`${id}-status-${key}`}>{key === "ready" ? "Ready (to scrape)" : key === "done" ? "Done" : "Failed"}</Label>
            <Input id={`${id}-status-${key}`} value={status[key]} maxLength={100} required onChange={(event) => onStatus({ ...status, [key]: event.target.value })} />
          </div>
        ))}
      </fieldset>
    </div>
  );
}
