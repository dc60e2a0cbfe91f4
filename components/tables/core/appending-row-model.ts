import { constructRow, createCoreRowModel, makeObjectMap, type Row, type RowData, type RowModel, type Table, type TableFeatures } from "@tanstack/react-table";

/**
 * A core row model for lists that grow by pages appended by cursor: the rows of the unchanged leading
 * data (the same objects in the same places) are kept, and rows are built from the first changed one,
 * so a page costs its own rows where the built-in model rebuilds every row loaded so far.
 *
 * Flat rows only (with `getSubRows` it defers to the built-in model). Like the built-in model under the
 * kit's features, new data resets no state: sorting is the server's.
 */
export function createAppendingRowModel<TFeatures extends TableFeatures, TData extends RowData>() {
  return (table: Table<TFeatures, TData>) => {
    let data: readonly TData[] = [];
    let model: RowModel<TFeatures, TData> | undefined;
    let nested: (() => RowModel<TFeatures, TData>) | undefined;
    return (): RowModel<TFeatures, TData> => {
      if (table.options.getSubRows) return (nested ??= createCoreRowModel<TFeatures, TData>()(table))();
      const next = table.options.data;
      if (model && next === data) return model;
      const previous = model?.rows ?? [];
      const limit = Math.min(data.length, next.length);
      let kept = 0;
      while (kept < limit && data[kept] === next[kept]) kept++;
      // The id map is edited in place rather than copied (it holds every row): the old model is dropped.
      let rowsById = makeObjectMap<Row<TFeatures, TData>>();
      if (kept > 0 && model) {
        rowsById = model.rowsById;
        for (let i = kept; i < previous.length; i++) delete rowsById[previous[i]!.id];
      }
      const rows = previous.slice(0, kept);
      for (let i = kept; i < next.length; i++) {
        const original = next[i]!;
        const row = constructRow(table, table.getRowId(original, i), original, i, 0);
        rows.push(row);
        rowsById[row.id] = row;
      }
      data = next;
      model = { rows, flatRows: rows, rowsById };
      return model;
    };
  };
}
