import { columnVisibilityFeature, rowSortingFeature, tableFeatures, type ColumnDef, type RowData } from "@tanstack/react-table";
import { createAppendingRowModel } from "./appending-row-model";

/** How a column lays out in the kit's grid: its width, alignment, and whether it stays at 390 px. */
export interface KitColumnMeta {
  label: string;
  /** Pixels; a growing column takes the space left over (at least this much). */
  width: number;
  grow?: boolean;
  align?: "right";
  /** Shown on phones; the rest appear from the md breakpoint (768 px) up. */
  priority?: boolean;
  /** Pixels on phones, where a growing column shrinks to what is left. */
  mobileWidth?: number;
}

/**
 * Sorting is the server's (manual, from the URL); visibility is the table's own. Rows come in pages
 * by cursor, so the core row model keeps the rows already built when a page is appended.
 */
export const kitFeatures = tableFeatures({ rowSortingFeature, columnVisibilityFeature, coreRowModel: createAppendingRowModel(), columnMeta: {} as KitColumnMeta });
export type KitFeatures = typeof kitFeatures;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of one table hold values of different types
export type KitColumnDef<TData extends RowData> = ColumnDef<KitFeatures, TData, any>;
