/**
 * The table kit's core row model against TanStack's built-in one, in Node: the time to append one
 * page of 50 rows by cursor (setOptions with the longer data, then getRowModel) once FROM pages are
 * loaded, for the next PAGES pages. The table is made by useTable, as DataTable makes it.
 *
 *   npx tsx bench/table-row-model.bench.ts [--from 1950 --pages 50]
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { columnVisibilityFeature, rowSortingFeature, tableFeatures, useTable, type ReactTable, type TableFeatures } from "@tanstack/react-table";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { kitFeatures, type KitColumnDef } from "@/components/tables/core/features";
import { percentile, round } from "./stats";

const { values } = parseArgs({ options: { from: { type: "string", default: "1950" }, pages: { type: "string", default: "50" } } });
const FROM = Number(values.from);
const PAGES = Number(values.pages);
const PAGE_SIZE = 50;

interface Item {
  id: string;
  views: number;
}
const columns: KitColumnDef<Item>[] = [{ id: "views", accessorKey: "views", header: "Views", meta: { label: "Views", width: 100 } }];
const page = (n: number): Item[] => Array.from({ length: PAGE_SIZE }, (_, i) => ({ id: `p${n * PAGE_SIZE + i}`, views: i }));

function measure(features: TableFeatures) {
  let data = Array.from({ length: FROM }, (_, n) => page(n)).flat();
  let table: ReactTable<typeof kitFeatures, Item> | undefined;
  function Probe() {
    table = useTable({ features: features as typeof kitFeatures, columns, data, getRowId: (row) => row.id, manualSorting: true, state: { sorting: [{ id: "views", desc: true }] } });
    return null;
  }
  renderToString(createElement(Probe));
  const made = table!;
  made.getRowModel();
  const samples: number[] = [];
  for (let n = FROM; n < FROM + PAGES; n++) {
    data = [...data, ...page(n)];
    const next = data;
    const started = performance.now();
    made.setOptions((previous) => ({ ...previous, data: next }));
    if (made.getRowModel().rows.length !== next.length) throw new Error("the row model lost rows");
    samples.push(performance.now() - started);
  }
  return { p50Ms: round(percentile(samples, 50)), p95Ms: round(percentile(samples, 95)), meanMs: round(samples.reduce((sum, sample) => sum + sample, 0) / samples.length) };
}

const load = [loadavg()[0] ?? 0];
const results = {
  "built-in core row model": measure(tableFeatures({ rowSortingFeature, columnVisibilityFeature })),
  "kit (appending) row model": measure(kitFeatures),
};
load.push(loadavg()[0] ?? 0);
console.error(`pages ${FROM + 1}–${FROM + PAGES} of ${PAGE_SIZE} rows; 1-minute load average ${load.map((value) => round(value, 2)).join(" → ")}`);
console.table(results);
