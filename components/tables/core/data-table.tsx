"use client";

import { useTable, type ColumnVisibilityState, type RowData, type SortingState, type Updater } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from "react";
import { cn } from "@/lib/utils";
import { ColumnVisibilityMenu } from "./column-visibility-menu";
import { kitFeatures, type KitColumnDef, type KitColumnMeta } from "./features";
import { TableSkeleton } from "./table-states";

export interface DataTableProps<TData extends RowData> {
  /** Names the table in its ARIA label and the key its column choice is remembered under. */
  id: string;
  label: string;
  columns: KitColumnDef<TData>[];
  data: TData[];
  getRowId: (row: TData) => string;
  sort: { id: string; desc: boolean };
  onSortChange: (sort: { id: string; desc: boolean }) => void;
  rowHeight: number;
  /** Called as the last rows come into view, to load the next page. */
  onEndReached?: () => void;
  hasMore?: boolean;
  loading?: boolean;
  loadingMore?: boolean;
  empty: ReactNode;
  toolbar?: ReactNode;
  /** Total known rows for assistive tech, when the server says. */
  rowCount?: number;
  /** A row that heads the rows below it (a group's name and totals): drawn across every column instead of cells. */
  rowHeading?: (row: TData) => ReactNode | null;
  /** data-testid for each row, so specs can count the rows in the DOM. */
  rowTestId?: (row: TData) => string;
}

const OVERSCAN = 8;
const LOAD_AHEAD = 15;
const INITIAL_RECT = { width: 1200, height: 800 };

function tracks(metas: KitColumnMeta[]): string {
  return metas.map((meta) => (meta.grow ? `minmax(${meta.width}px, 1fr)` : `${meta.width}px`)).join(" ");
}

function useRememberedVisibility(id: string) {
  const key = `reach.table.${id}.columns`;
  const [visibility, setVisibility] = useState<ColumnVisibilityState>({});
  useEffect(() => {
    try {
      const saved = window.localStorage.getItem(key);
      // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage exists only after hydration
      if (saved) setVisibility(JSON.parse(saved) as ColumnVisibilityState);
    } catch {
      // A blocked or corrupt store leaves every column shown.
    }
  }, [key]);
  const update = (updater: Updater<ColumnVisibilityState>) =>
    setVisibility((current) => {
      const next = typeof updater === "function" ? updater(current) : updater;
      try {
        window.localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Not remembered, still applied.
      }
      return next;
    });
  return [visibility, update] as const;
}

/**
 * The table kit: TanStack Table for columns, sort state and visibility, TanStack Virtual for rows.
 * Only the rows in view (plus a few) are in the DOM; the header sticks; sorting is the server's,
 * passed in from the URL; phones get the priority columns only.
 */
export function DataTable<TData extends RowData>({ id, label, columns, data, getRowId, sort, onSortChange, rowHeight, onEndReached, hasMore, loading, loadingMore, empty, toolbar, rowCount, rowHeading, rowTestId }: DataTableProps<TData>) {
  const [columnVisibility, setColumnVisibility] = useRememberedVisibility(id);
  const sorting = useMemo<SortingState>(() => [sort], [sort]);
  const table = useTable({
    features: kitFeatures,
    columns,
    data,
    getRowId: (row) => getRowId(row),
    manualSorting: true,
    enableSortingRemoval: false,
    sortDescFirst: true,
    state: { sorting, columnVisibility },
    onSortingChange: (updater) => {
      const [next] = typeof updater === "function" ? updater(sorting) : updater;
      if (next) onSortChange({ id: next.id, desc: next.desc });
    },
    onColumnVisibilityChange: setColumnVisibility,
  });

  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  // A new key function makes the virtualizer lay out every row again, so it changes only with the rows
  // (a page appended), not on each render (each scroll frame).
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in this render only
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    getItemKey,
    // The server renders the first screen of rows too, so they show (and their images load) before hydration.
    initialRect: INITIAL_RECT,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && onEndReached && lastIndex >= rows.length - LOAD_AHEAD) onEndReached();
  }, [hasMore, lastIndex, loadingMore, onEndReached, rows.length]);

  const visible = table.getVisibleLeafColumns();
  const metas = visible.map((column) => column.columnDef.meta as KitColumnMeta);
  const style = {
    "--cols": tracks(metas),
    // Every row is its own grid: one fixed minimum width keeps a growing column the same width in all of them.
    "--min": `${metas.reduce((sum, meta) => sum + meta.width, 0)}px`,
    "--cols-sm": metas
      .filter((meta) => meta.priority)
      .map((meta) => (meta.grow ? "minmax(0, 1fr)" : `${meta.mobileWidth ?? meta.width}px`))
      .join(" "),
  } as CSSProperties;
  const grid = "grid [grid-template-columns:var(--cols-sm)] md:[grid-template-columns:var(--cols)]";
  const cellClass = (meta: KitColumnMeta) => cn("flex min-w-0 items-center px-3", meta.align === "right" && "justify-end text-right tabular-nums", !meta.priority && "hidden md:flex");

  const toggleable = table
    .getAllLeafColumns()
    .filter((column) => column.getCanHide())
    .map((column) => ({ id: column.id, label: (column.columnDef.meta as KitColumnMeta).label, visible: column.getIsVisible(), toggle: (on: boolean) => column.toggleVisibility(on) }));

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="text-sm text-muted-foreground" data-testid={`${id}-summary`}>
          {toolbar}
        </div>
        <ColumnVisibilityMenu columns={toggleable} />
      </div>
      <div ref={scrollRef} className="relative h-[70vh] min-h-80 overflow-auto rounded-md border" data-testid={`${id}-scroll`}>
        <div role="table" aria-label={label} aria-rowcount={rowCount ?? (hasMore ? -1 : rows.length + 1)} style={style} className="md:min-w-[var(--min)]">
          <div role="rowgroup" className="sticky top-0 z-10 border-b bg-background/95 backdrop-blur">
            {table.getHeaderGroups().map((group) => (
              <div role="row" key={group.id} aria-rowindex={1} className={cn(grid, "h-10 text-xs font-medium text-muted-foreground")}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta as KitColumnMeta;
                  const sorted = header.column.getIsSorted();
                  return (
                    <div role="columnheader" key={header.id} aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined} className={cellClass(meta)}>
                      {header.column.getCanSort() ? (
                        <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 hover:text-foreground" aria-label={`Sort by ${meta.label}`}>
                          <table.FlexRender header={header} />
                          {sorted === "asc" ? <ArrowUp className="size-3" aria-hidden /> : sorted === "desc" ? <ArrowDown className="size-3" aria-hidden /> : <ArrowUpDown className="size-3 opacity-40" aria-hidden />}
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
          {loading && rows.length === 0 ? (
            <TableSkeleton rowHeight={rowHeight} />
          ) : rows.length === 0 ? (
            <div className="p-6">{empty}</div>
          ) : (
            <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
              {items.map((item) => {
                const row = rows[item.index];
                if (!row) return null;
                const heading = rowHeading?.(row.original);
                return (
                  <div
                    role="row"
                    key={row.id}
                    aria-rowindex={item.index + 2}
                    data-index={item.index}
                    data-testid={rowTestId?.(row.original)}
                    className={cn(grid, "absolute left-0 top-0 w-full border-b text-sm", heading ? "bg-muted/60" : "hover:bg-muted/40")}
                    style={{ height: rowHeight, transform: `translateY(${item.start}px)` }}
                  >
                    {heading ? (
                      <div role="rowheader" aria-colspan={visible.length} className="col-span-full flex min-w-0 items-center px-3">
                        {heading}
                      </div>
                    ) : row.getVisibleCells().map((cell) => (
                      <div role="cell" key={cell.id} className={cellClass(cell.column.columnDef.meta as KitColumnMeta)}>
                        <table.FlexRender cell={cell} />
                      </div>
                    ))}
                  </div>
                );
              })}
            </div>
          )}
          {loadingMore ? <p className="p-3 text-center text-xs text-muted-foreground">Loading more…</p> : null}
        </div>
      </div>
    </div>
  );
}
