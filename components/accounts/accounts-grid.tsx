"use client";

import { useMemo } from "react";
import { DataTable } from "@/components/tables/core/data-table";
import { useUrlParams } from "@/components/tables/core/use-url-params";
import { ACCOUNT_SORTS, naturalDirection, type AccountGrouping, type AccountSort } from "@/lib/domain/account-sorts";
import { formatCount } from "@/lib/format";
import type { AccountGroup, AccountRow } from "@/lib/services/accounts/list-accounts";
import { accountColumns, type AccountGridRow } from "./columns";

const ROW_HEIGHT = 60;
const DEFAULT_SORT: AccountSort = "change_7d";
const GROUP_NAMES: Record<AccountGrouping, string> = { org: "organization", tag: "tag" };

function isSort(value: string | null): value is AccountSort {
  return (ACCOUNT_SORTS as readonly string[]).includes(value ?? "");
}

/** The sort as the grid shows it: `change_7d_asc` is the 7-day column ascending. */
function useGridSort() {
  const [params, set] = useUrlParams();
  const raw = params.get("sort");
  const sort: AccountSort = isSort(raw) ? raw : DEFAULT_SORT;
  const dir = params.get("dir") === "asc" || params.get("dir") === "desc" ? params.get("dir") : naturalDirection(sort);
  const state = useMemo(() => ({ id: sort === "change_7d_asc" ? "change_7d" : sort, desc: dir === "desc" }), [sort, dir]);
  const onSortChange = (next: { id: string; desc: boolean }) => {
    const id = isSort(next.id) ? next.id : DEFAULT_SORT;
    const natural = naturalDirection(id) === "desc";
    // A new sort starts again from the first page.
    set({ sort: id === DEFAULT_SORT && next.desc ? null : id, dir: next.desc === natural ? null : next.desc ? "desc" : "asc", page: null });
  };
  return { state, onSortChange };
}

/** Accounts in list order, with a header row wherever the organization or tag changes. */
function gridRows(rows: AccountRow[], groups: AccountGroup[] | null): AccountGridRow[] {
  if (!groups) return rows.map((account) => ({ id: account.id, account, group: null }));
  const byKey = new Map(groups.map((group) => [group.key, group]));
  const out: AccountGridRow[] = [];
  let current: string | null | undefined;
  for (const account of rows) {
    const key = account.group ?? null;
    if (key !== current) {
      out.push({ id: `group:${key ?? ""}`, account: null, group: byKey.get(key) ?? { key, accounts: 0, followers: 0, approximate: false } });
      current = key;
    }
    out.push({ id: `${key ?? ""}:${account.id}`, account, group: null });
  }
  return out;
}

function GroupHeading({ group }: { group: AccountGroup }) {
  return (
    <span className="flex min-w-0 items-baseline gap-2 text-sm">
      <span className="truncate font-semibold">{group.key ?? "None"}</span>{" "}
      <span className="shrink-0 text-xs text-muted-foreground tabular-nums">
        {group.accounts.toLocaleString("en-US")} {group.accounts === 1 ? "account" : "accounts"} · {formatCount(group.followers, group.approximate)} followers
      </span>
    </span>
  );
}

/**
 * The Accounts page's grid on the table kit: virtual rows, a sticky header, column choice and
 * sorting through the URL; grouped, each organization or tag gets a header row with its totals.
 */
export function AccountsGrid({ slug, rows, groups, grouping, summary }: { slug: string; rows: AccountRow[]; groups: AccountGroup[] | null; grouping: AccountGrouping | null; summary: string }) {
  const { state, onSortChange } = useGridSort();
  const columns = useMemo(() => accountColumns(slug), [slug]);
  const data = useMemo(() => gridRows(rows, groups), [rows, groups]);
  const note = grouping === "tag" ? " Grouped by tag: an account with several tags appears under each, one with none under “None”." : grouping ? ` Grouped by ${GROUP_NAMES[grouping]}; accounts with none under “None”.` : "";
  return (
    <DataTable
      id="accounts"
      label="Tracked accounts"
      columns={columns}
      data={data}
      getRowId={(row) => row.id}
      sort={state}
      onSortChange={onSortChange}
      rowHeight={ROW_HEIGHT}
      empty={<p className="text-sm text-muted-foreground">No accounts on this page.</p>}
      toolbar={`${summary}${note}`}
      rowHeading={(row) => (row.group ? <GroupHeading group={row.group} /> : null)}
      rowTestId={(row) => (row.group ? "account-group" : "account-row")}
    />
  );
}
