import Link from "next/link";
import { QualityBadge } from "@/components/accounts/data-quality";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatChange, formatCount, formatHandle, PLATFORM_LABELS } from "@/lib/format";
import type { AccountRow } from "@/lib/services/accounts/list-accounts";
import { cn } from "@/lib/utils";

/** The change as a share of the figure it started from, e.g. "+2.5%"; empty when that is unknown or zero. */
function percent(change: number | null, followers: number | null): string {
  if (change === null || followers === null || followers - change <= 0) return "";
  const value = (change / (followers - change)) * 100;
  return `${value > 0 ? "+" : value < 0 ? "−" : ""}${Math.abs(value).toFixed(Math.abs(value) < 10 ? 1 : 0)}%`;
}

/** Followers over the last 30 days; days not reported break the line instead of dropping to 0. */
function FollowersSparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const reported = values.filter((value): value is number => value !== null);
  if (reported.length === 0) return <span className="text-xs text-muted-foreground">—</span>;
  const [width, height] = [80, 20];
  const [min, max] = [Math.min(...reported), Math.max(...reported)];
  const y = (value: number) => (height - 2 - ((value - min) / (max - min || 1)) * (height - 4)).toFixed(1);
  const x = (n: number) => ((n * width) / Math.max(1, values.length - 1)).toFixed(1);
  const segments: string[][] = [[]];
  values.forEach((value, n) => {
    if (value === null) segments.push([]);
    else segments.at(-1)?.push(`${x(n)},${y(value)}`);
  });
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${label}: ${reported.length} of ${values.length} days reported, from ${formatCount(reported[0] ?? null)} to ${formatCount(reported.at(-1) ?? null)}`} className="overflow-visible">
      {segments.filter((points) => points.length > 0).map((points) =>
        points.length === 1 ? (
          <circle key={points[0]} cx={points[0]?.split(",")[0]} cy={points[0]?.split(",")[1]} r={1.5} fill="#0072B2" />
        ) : (
          <polyline key={points[0]} points={points.join(" ")} fill="none" stroke="#0072B2" strokeWidth={1.5} strokeLinejoin="round" />
        ),
      )}
    </svg>
  );
}

function Change({ value, followers }: { value: number | null; followers?: number | null }) {
  const share = followers === undefined ? "" : percent(value, followers);
  return (
    <span className="inline-flex flex-col items-end">
      <ChangeFigure value={value} />
      {share ? <span className="text-xs text-muted-foreground tabular-nums">{share}</span> : null}
    </span>
  );
}

function ChangeFigure({ value }: { value: number | null }) {
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
            <TableHead className="hidden text-right xl:table-cell">90 days</TableHead>
            <TableHead className="hidden md:table-cell">Last 30 days</TableHead>
            <TableHead className="hidden lg:table-cell">Health</TableHead>
            <TableHead className="hidden lg:table-cell" title="Data quality, 0–100: complete, fresh, exact history without suspect snapshots">
              Quality
            </TableHead>
            <TableHead className="hidden lg:table-cell">Last snapshot</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} data-testid="account-row">
              <TableCell>
                <div className="flex items-start gap-2">
                <input type="checkbox" name="ids" value={row.id} form="compare-accounts" className="mt-1" aria-label={`Compare ${row.displayName ?? row.handle}`} />
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
                    {PLATFORM_LABELS[row.platform]} · {formatHandle(row.platform, row.handle)}
                    {row.rankInPlatform !== null ? ` · #${row.rankInPlatform} on ${PLATFORM_LABELS[row.platform]}` : ""}
                  </span>
                </div>
                </div>
              </TableCell>
              <TableCell className="hidden text-muted-foreground md:table-cell">{row.organization ?? "—"}</TableCell>
              <TableCell className="text-right tabular-nums" title={row.approximate ? "Rounded figure shown by the platform" : undefined}>
                <span className="inline-flex flex-col items-end">
                  {formatCount(row.followers, row.approximate)}
                  {row.change1d !== null ? <span className="text-xs text-muted-foreground">{formatChange(row.change1d)} in 1 day</span> : null}
                </span>
              </TableCell>
              <TableCell className="text-right">
                <Change value={row.change7d} followers={row.followers} />
              </TableCell>
              <TableCell className="hidden text-right sm:table-cell">
                <Change value={row.change30d} followers={row.followers} />
              </TableCell>
              <TableCell className="hidden text-right xl:table-cell">
                <Change value={row.change90d} followers={row.followers} />
              </TableCell>
              <TableCell className="hidden md:table-cell">
                <FollowersSparkline values={row.sparkline} label={`Followers of ${row.displayName ?? row.handle}`} />
              </TableCell>
              <TableCell className="hidden lg:table-cell">
                <State row={row} />
              </TableCell>
              <TableCell className="hidden lg:table-cell">
                <QualityBadge quality={row.quality} />
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
