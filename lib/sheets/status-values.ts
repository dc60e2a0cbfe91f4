import { z } from "zod";
import { DEFAULT_STATUS_VALUES } from "@/lib/domain/sheet-fields";

const value = z.string().trim().min(1).max(100);

export const statusValuesSchema = z.object({
  ready: value.default(DEFAULT_STATUS_VALUES.ready),
  done: value.default(DEFAULT_STATUS_VALUES.done),
  failed: value.default(DEFAULT_STATUS_VALUES.failed),
});
export type StatusValues = z.infer<typeof statusValuesSchema>;

/** Ignores case and surrounding spaces, as people type them. */
export function statusMatches(cell: string | undefined, wanted: string): boolean {
  return (cell ?? "").trim().toLowerCase() === wanted.trim().toLowerCase();
}
