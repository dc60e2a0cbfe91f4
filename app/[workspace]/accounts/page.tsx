import type { Metadata } from "next";
import { Users } from "lucide-react";
import Link from "next/link";
import { AccountsFilters } from "@/components/accounts/accounts-filters";
import { AccountsGrid } from "@/components/accounts/accounts-grid";
import { Pagination } from "@/components/accounts/pagination";
import { AddAccountDialog } from "@/components/accounts/add-account-dialog";
import { EmptyState } from "@/components/layout/empty-state";
import { ExportLinks } from "@/components/layout/export-links";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { hasRole } from "@/lib/auth/roles";
import { cachedSummary } from "@/lib/cache/process-summary-cache";
import { getWorkspaceContext } from "@/lib/auth/workspace-context";
import { withUserDb } from "@/lib/db/rls";
import { localDate } from "@/lib/domain/local-time";
import { ACCOUNT_FILTER_KEYS, accountsGridQuerySchema, listAccountFacets, listAccountGroups, listAccounts } from "@/lib/services/accounts/list-accounts";

export const metadata: Metadata = { title: "Accounts" };

type SearchParams = Record<string, string | string[] | undefined>;

function parseQuery(params: SearchParams) {
  const flat = Object.fromEntries(
    Object.entries(params).flatMap(([key, value]) => (typeof value === "string" && value !== "" ? [[key, value]] : [])),
  );
  // A hand-edited URL with a bad filter falls back to the defaults instead of failing the page.
  const parsed = accountsGridQuerySchema.safeParse(flat);
  return parsed.success ? parsed.data : accountsGridQuerySchema.parse({});
}

export default async function AccountsPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { workspace: slug } = await params;
  const { claims, workspace } = await getWorkspaceContext(slug);
  const query = parseQuery(await searchParams);
  // Freshness and the data-quality score count from the workspace's today, so today is part of the key.
  const now = new Date();
  const today = localDate(workspace.timezone, now);
  const scope = { workspaceId: workspace.id, timezone: workspace.timezone, now };
  const group = query.group;
  const [{ page, groups }, facets] = await withUserDb(claims, async (tx) => [
    await cachedSummary(tx, { workspace, kind: "accounts", query: { ...query, today } }, async () => ({
      page: await listAccounts(tx, { scope, query }),
      groups: group ? await listAccountGroups(tx, { scope, query: { ...query, group } }) : null,
    })),
    await listAccountFacets(tx, { workspaceId: workspace.id }),
  ] as const);
  // Grouped by tag, an account with several tags is a row under each: the header counts accounts, not rows.
  const accountCount = page.accounts ?? page.total;
  const filtered = ACCOUNT_FILTER_KEYS.some((key) => query[key] !== undefined);
  const pageCount = Math.max(1, Math.ceil(page.total / query.pageSize));
  const hrefFor = (target: number) => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined && key !== "page") next.set(key, String(value));
    next.set("page", String(target));
    return `?${next.toString()}`;
  };

  const exportSearch = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && key !== "page" && key !== "pageSize") exportSearch.set(key, String(value));

  return (
    <div className="space-y-4">
      <PageHeader
        title="Accounts"
        description={`${accountCount} tracked accounts (${query.show === "all" ? "all: active and paused" : `${query.show} only`}), latest followers and growth; growth only for accounts with a snapshot in the last 2 days.`}
        actions={
          <>
            <ExportLinks href={`/api/v1/workspaces/${workspace.slug}/accounts/export`} search={exportSearch} testId="export-accounts" />
            {hasRole(workspace.role, "editor") ? (
            <>
              <AddAccountDialog workspaceSlug={workspace.slug} />
              <Button asChild>
                <Link href={`/${workspace.slug}/accounts/import`}>Import CSV</Link>
              </Button>
            </>
            ) : null}
          </>
        }
      />
      <AccountsFilters query={query} facets={facets} />
      <form id="compare-accounts" method="get" action={`/${workspace.slug}/accounts/compare`} className="flex items-center gap-2 text-sm text-muted-foreground">
        <Button type="submit" size="sm" variant="outline">
          Compare selected
        </Button>
        <span>Tick up to 5 accounts to compare their followers on one chart.</span>
      </form>
      {page.rows.length === 0 ? (
        <EmptyState
          icon={Users}
          title="No accounts match"
          description={filtered ? "No tracked account matches these filters." : "Import accounts, or add one, to start tracking them."}
          action={
            filtered ? (
              <Button asChild variant="outline">
                <Link href={`/${workspace.slug}/accounts${query.show === "all" ? "" : `?show=${query.show}`}`}>Clear filters</Link>
              </Button>
            ) : undefined
          }
        />
      ) : (
        <>
          <AccountsGrid
            slug={workspace.slug}
            rows={page.rows}
            groups={groups}
            grouping={group ?? null}
            summary={`Rows ${((query.page - 1) * query.pageSize + 1).toLocaleString("en-US")}–${((query.page - 1) * query.pageSize + page.rows.length).toLocaleString("en-US")} of ${page.total.toLocaleString("en-US")}.`}
          />
          <Pagination page={query.page} pageCount={pageCount} hrefFor={hrefFor} />
        </>
      )}
    </div>
  );
}
