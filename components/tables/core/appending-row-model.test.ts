import { columnVisibilityFeature, rowSortingFeature, tableFeatures, useTable, type ReactTable, type TableFeatures } from "@tanstack/react-table";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { kitFeatures, type KitColumnDef } from "./features";

interface Item {
  id: string;
  views: number;
}

const columns: KitColumnDef<Item>[] = [{ id: "views", accessorKey: "views", header: "Views", meta: { label: "Views", width: 100 } }];
// The built-in core row model, as the oracle for what the rows must be.
const builtInFeatures = tableFeatures({ rowSortingFeature, columnVisibilityFeature });

const page = (from: number, size = 50): Item[] => Array.from({ length: size }, (_, n) => ({ id: `p${from + n}`, views: (from + n) * 10 }));

/** A table made by useTable, as DataTable makes it (rendered once on the server, then fed data by setOptions). */
function tableOf(features: TableFeatures, data: Item[]) {
  let table: ReactTable<typeof kitFeatures, Item> | undefined;
  function Probe() {
    // Typed as the kit's: the oracle's features lack only the row model slot, and the API used here is the same.
    table = useTable({ features: features as typeof kitFeatures, columns, data, getRowId: (row) => row.id, manualSorting: true, state: { sorting: [{ id: "views", desc: true }] } });
    return null;
  }
  renderToString(createElement(Probe));
  const made = table!;
  return {
    rows: () => made.getRowModel().rows,
    model: () => made.getCoreRowModel(),
    setData: (next: Item[]) => made.setOptions((previous) => ({ ...previous, data: next })),
  };
}

function kitAndBuiltIn(data: Item[]) {
  const kit = tableOf(kitFeatures, data);
  const builtIn = tableOf(builtInFeatures, data);
  const setData = (next: Item[]) => {
    kit.setData(next);
    builtIn.setData(next);
  };
  const shape = (rows: ReturnType<typeof kit.rows>) => rows.map((row) => ({ id: row.id, index: row.index, depth: row.depth, original: row.original, views: row.getValue("views") }));
  const expectSameAsBuiltIn = () => {
    expect(shape(kit.rows())).toEqual(shape(builtIn.rows()));
    expect(Object.keys(kit.model().rowsById).sort()).toEqual(Object.keys(builtIn.model().rowsById).sort());
    for (const row of kit.rows()) expect(kit.model().rowsById[row.id]).toBe(row);
  };
  return { kit, setData, expectSameAsBuiltIn };
}

describe("the table kit's appending row model", () => {
  it("keeps the row objects of the pages already loaded when a page is appended", () => {
    let data = [...page(0), ...page(50)];
    const { kit, setData, expectSameAsBuiltIn } = kitAndBuiltIn(data);
    const before = kit.rows();
    expect(before).toHaveLength(100);
    for (let from = 100; from < 300; from += 50) {
      const kept = kit.rows();
      data = [...data, ...page(from)];
      setData(data);
      const after = kit.rows();
      expect(after).toHaveLength(from + 50);
      for (let i = 0; i < from; i++) expect(after[i]).toBe(kept[i]);
      expectSameAsBuiltIn();
    }
    expect(kit.rows()[0]).toBe(before[0]);
  });

  it("returns the same model while the data array is the same", () => {
    const data = page(0);
    const { kit } = kitAndBuiltIn(data);
    const model = kit.model();
    kit.setData(data);
    expect(kit.model()).toBe(model);
  });

  it("rebuilds from the first changed row and keeps the rows before it", () => {
    const data = [...page(0), ...page(50), ...page(100)];
    const { kit, setData, expectSameAsBuiltIn } = kitAndBuiltIn(data);
    const before = kit.rows();
    // A refetched second page: new objects from row 50, one of them with new values.
    const refetched = [...data.slice(0, 50), ...page(50).map((item) => (item.id === "p60" ? { ...item, views: 1 } : item)), ...page(100)];
    setData(refetched);
    const after = kit.rows();
    for (let i = 0; i < 50; i++) expect(after[i]).toBe(before[i]);
    for (let i = 50; i < 150; i++) {
      expect(after[i]).not.toBe(before[i]);
      expect(after[i]?.original).toBe(refetched[i]);
    }
    expect(after[60]?.getValue("views")).toBe(1);
    expectSameAsBuiltIn();
  });

  it("drops the rows past the end when the data shrinks", () => {
    const data = [...page(0), ...page(50), ...page(100)];
    const { kit, setData, expectSameAsBuiltIn } = kitAndBuiltIn(data);
    const before = kit.rows();
    setData(data.slice(0, 50));
    expect(kit.rows()).toHaveLength(50);
    for (let i = 0; i < 50; i++) expect(kit.rows()[i]).toBe(before[i]);
    expect(kit.model().rowsById.p50).toBeUndefined();
    expect(kit.model().rowsById.p149).toBeUndefined();
    expectSameAsBuiltIn();
    // Growing again builds the dropped rows anew.
    setData(data);
    expect(kit.rows()[100]).not.toBe(before[100]);
    expectSameAsBuiltIn();
  });

  it("replaces every row when the first row changes (a new filter or sort)", () => {
    const { kit, setData, expectSameAsBuiltIn } = kitAndBuiltIn([...page(0), ...page(50)]);
    const before = new Set(kit.rows());
    // The same ids in another order, and fewer of them: nothing is kept.
    const resorted = [...page(0), ...page(50)].reverse().slice(0, 70);
    setData(resorted);
    expect(kit.rows().some((row) => before.has(row))).toBe(false);
    expect(kit.rows().map((row) => row.id)).toEqual(resorted.map((item) => item.id));
    expectSameAsBuiltIn();
    setData([]);
    expect(kit.rows()).toEqual([]);
    expect(Object.keys(kit.model().rowsById)).toEqual([]);
    expectSameAsBuiltIn();
  });
});
