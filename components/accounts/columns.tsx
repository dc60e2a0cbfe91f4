"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import type { ReactNode } from "react";
import { QualityBadge } from "@/components/accounts/data-quality";
import type { KitColumnDef, KitFeatures } from "@/components/tables/core/features";
import { Badge } from "@/components/ui/badge";
import { formatChange, formatCount, formatHandle, PLATFORM_LABELS } from "@/lib/format";
import type { AccountGroup, AccountRow } from "@/lib/services/accounts/list-accounts";
import { cn } from "@/lib/utils";

/** One row of the grid: an account, or the header of the organization or tag group below it. */
export type AccountGridRow = { id: string; account: AccountRow; group: null } | { id: string; account: null; group: AccountGroup };

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

/** On phones the state column is hidden: the marks that matter (failing, stale, never scraped, paused) ride under the name. */
function phoneMarks(row: AccountRow): string {
  const marks = [
    row.healthStatus === "failing" ? "failing" : row.latestDate === null ? "never scraped" : row.stale ? `stale since ${row.latestDate}` : null,
    row.active ? null : "paused",
  ].filter(Boolean);
  return marks.join(", ");
}

const helper = createColumnHelper<KitFeatures, AccountGridRow>();
/** A cell of an account row; group headers draw their own line instead. */
const accountCell = (render: (row: AccountRow) => ReactNode) => ({ row }: { row: { original: AccountGridRow } }) => (row.original.account ? render(row.original.account) : null);

/** The accounts grid's columns; ids match the list's sort keys where a column sorts. */
export function accountColumns(slug: string): KitColumnDef<AccountGridRow>[] {
  return [
    helper.display({
      id: "compare",
      header: () => <span className="sr-only">Compare</span>,
      enableHiding: false,
      meta: { label: "Compare", width: 40, mobileWidth: 32, priority: true },
      cell: accountCell((row) => <input type="checkbox" name="ids" value={row.id} form="compare-accounts" aria-label={`Compare ${row.displayName ?? row.handle}`} />),
    }),
    helper.accessor((row) => row.account?.handle ?? "", {
      id: "handle",
      header: "Account",
      enableHiding: false,
      meta: { label: "Account", width: 240, grow: true, priority: true },
      cell: accountCell((row) => (
        <div className="flex min-w-0 flex-col">
          <span className="flex min-w-0 items-center gap-2 font-medium">
            <Link className="truncate hover:underline" href={`/${slug}/accounts/${row.id}`}>
              {row.displayName ?? row.handle}
            </Link>
            {row.isCore ? <Badge variant="outline">Core</Badge> : null}
          </span>
          <span className="truncate text-xs text-muted-foreground">
            {PLATFORM_LABELS[row.platform]} · {formatHandle(row.platform, row.handle)}
            {row.rankInPlatform !== null ? ` · #${row.rankInPlatform} on ${PLATFORM_LABELS[row.platform]}` : ""}
          </span>
          {phoneMarks(row) ? <span className="truncate text-xs text-amber-700 md:hidden dark:text-amber-400">{phoneMarks(row)}</span> : null}
        </div>
      )),
    }),
    helper.display({
      id: "organization",
      header: "Organization",
      meta: { label: "Organization", width: 150 },
      cell: accountCell((row) => <span className="truncate text-muted-foreground">{row.organization ?? "—"}</span>),
    }),
    helper.accessor((row) => row.account?.followers ?? null, {
      id: "followers",
      header: "Followers",
      meta: { label: "Followers", width: 140, mobileWidth: 84, align: "right", priority: true },
      cell: accountCell((row) => (
        <span className="inline-flex flex-col items-end whitespace-nowrap" title={row.approximate ? "Rounded figure shown by the platform" : undefined}>
          {formatCount(row.followers, row.approximate)}
          {row.change1d !== null ? (
            <span className="text-xs text-muted-foreground">
              {formatChange(row.change1d)}
              <span className="hidden md:inline"> in 1 day</span>
            </span>
          ) : null}
        </span>
      )),
    }),
    helper.accessor((row) => row.account?.change7d ?? null, {
      id: "change_7d",
      header: "7 days",
      meta: { label: "7-day change", width: 90, mobileWidth: 72, align: "right", priority: true },
      cell: accountCell((row) => <Change value={row.change7d} followers={row.followers} />),
    }),
    helper.accessor((row) => row.account?.change30d ?? null, {
      id: "change_30d",
      header: "30 days",
      meta: { label: "30-day change", width: 90, align: "right" },
      cell: accountCell((row) => <Change value={row.change30d} followers={row.followers} />),
    }),
    helper.display({
      id: "change_90d",
      header: "90 days",
      meta: { label: "90-day change", width: 90, align: "right" },
      cell: accountCell((row) => <Change value={row.change90d} followers={row.followers} />),
    }),
    helper.display({
      id: "sparkline",
      header: "Last 30 days",
      meta: { label: "Followers, last 30 days", width: 110 },
      cell: accountCell((row) => <FollowersSparkline values={row.sparkline} label={`Followers of ${row.displayName ?? row.handle}`} />),
    }),
    helper.display({
      id: "health",
      header: "Health",
      meta: { label: "Health", width: 200 },
      cell: accountCell((row) => <State row={row} />),
    }),
    helper.display({
      id: "quality",
      header: () => <span title="Data quality, 0–100: complete, fresh, exact history without suspect snapshots">Quality</span>,
      meta: { label: "Data quality", width: 90 },
      cell: accountCell((row) => <QualityBadge quality={row.quality} />),
    }),
    helper.display({
      id: "latest",
      header: "Last snapshot",
      meta: { label: "Last snapshot", width: 115 },
      cell: accountCell((row) => <span className="text-muted-foreground">{row.latestDate ?? "—"}</span>),
    }),
  ];
}

