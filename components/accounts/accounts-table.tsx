import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatChange, formatCount, PLATFORM_LABELS } from "@/lib/format";
import type { AccountRow } from "@/lib/services/accounts/list-accounts";
import { cn } from "@/lib/utils";

function Change({ value }: { value: number | null }) {
  return (
    <span
      className={cn(
        "tabular-nums",
        value !== null && value > 0 && "text-emerald-600 dark:text-emerald-400",
        value !== null && value < 0 && "text-red-600 dark:text-red-400",
        value === null && "text-muted-foreground",
      )}
    >
      {formatChange(value)}
    </span>
  );
}

function Health({ row }: { row: AccountRow }) {
  if (row.healthStatus === "failing") {
    return (
      <Badge variant="destructive" title={row.lastErrorCode ?? undefined}>
        Failing{row.lastErrorCode ? ` · ${row.lastErrorCode}` : ""}
      </Badge>
    );
  }
  if (row.healthStatus === "unknown" && row.latestDate === null) return <Badge variant="outline">Never scraped</Badge>;
  if (row.stale) {
    return (
      <Badge variant="outline" title="No snapshot for more than 2 days: growth is not shown">
        Stale · since {row.latestDate}
      </Badge>
    );
  }
  return <Badge variant="secondary">Healthy</Badge>;
}

function State({ row }: { row: AccountRow }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Health row={row} />
      {row.active ? null : <Badge variant="outline">Paused</Badge>}
    </span>
  );
}

export function AccountsTable({ rows, workspaceSlug }: { rows: AccountRow[]; workspaceSlug: string }) {
  return (
    <div className="overflow-x-auto rounded-md border">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Account</TableHead>
            <TableHead className="hidden md:table-cell">Organization</TableHead>
            <TableHead className="text-right">Followers</TableHead>
            <TableHead className="text-right">7 days</TableHead>
            <TableHead className="hidden text-right sm:table-cell">30 days</TableHead>
            <TableHead className="hidden lg:table-cell">Health</TableHead>
            <TableHead className="hidden lg:table-cell">Last snapshot</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} data-testid="account-row">
              <TableCell>
                <div className="flex flex-col">
                  <span className="font-medium">
                    <Link className="hover:underline" href={`/${workspaceSlug}/accounts/${row.id}`}>
                      {row.displayName ?? row.handle}
                    </Link>
                    {row.isCore ? (
                      <Badge variant="outline" className="ml-2 align-middle">
                        Core
                      </Badge>
                    ) : null}
                  </span>
                  <span className="text-xs text-muted-foreground">
                    {PLATFORM_LABELS[row.platform]} · {row.platform === "mastodon" ? row.handle : `@${row.handle}`}
                  </span>
                </div>
              </TableCell>
              <TableCell className="hidden text-muted-foreground md:table-cell">{row.organization ?? "—"}</TableCell>
              <TableCell className="text-right tabular-nums" title={row.approximate ? "Rounded figure shown by the platform" : undefined}>
                {formatCount(row.followers, row.approximate)}
              </TableCell>
              <TableCell className="text-right">
                <Change value={row.change7d} />
              </TableCell>
              <TableCell className="hidden text-right sm:table-cell">
                <Change value={row.change30d} />
              </TableCell>
              <TableCell className="hidden lg:table-cell">
                <State row={row} />
              </TableCell>
              <TableCell className="hidden text-muted-foreground lg:table-cell">{row.latestDate ?? "—"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const linkClass = "rounded-md border px-3 py-1.5 text-sm hover:bg-accent aria-disabled:pointer-events-none aria-disabled:opacity-50";
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-2">
      <Link className={linkClass} href={hrefFor(page - 1)} aria-disabled={page <= 1}>
        Previous
      </Link>
      <span className="text-sm text-muted-foreground">
        Page {page} of {pageCount}
      </span>
      <Link className={linkClass} href={hrefFor(page + 1)} aria-disabled={page >= pageCount}>
        Next
      </Link>
    </nav>
  );
}
