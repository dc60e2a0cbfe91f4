import { ArrowDown, ArrowUp, Trophy } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/layout/empty-state";
import { ExportLinks } from "@/components/layout/export-links";
import { PageHeader } from "@/components/layout/page-header";
import { formatRate } from "@/components/posts/post-format";
import { PostThumbnail } from "@/components/posts/post-thumbnail";
import { Sparkline } from "@/components/posts/sparkline";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cachedSummary } from "@/lib/cache/process-summary-cache";
import { getWorkspaceContext } from "@/lib/auth/workspace-context";
import { withUserDb } from "@/lib/db/rls";
import { DEFAULT_LEADERBOARD_PERIOD, LEADERBOARD_GROUP_LABELS, LEADERBOARD_GROUPS, LEADERBOARD_PERIODS, type LeaderboardGroup } from "@/lib/domain/leaderboards";
import { addDays, periodEnding } from "@/lib/domain/calendar";
import { localDate } from "@/lib/domain/local-time";
import { formatCount } from "@/lib/format";
import { cn } from "@/lib/utils";
import { leaderboardQuerySchema, MAX_PERIOD_DAYS, rankPostGroups, type LeaderboardRow } from "@/lib/services/posts/rank-post-groups";

export const metadata: Metadata = { title: "Leaderboards" };

const SORTS = {
  viewsGained: { label: "Views gained", value: (row: LeaderboardRow) => row.viewsGained },
  views: { label: "Views", value: (row: LeaderboardRow) => row.views },
  posts: { label: "Posts", value: (row: LeaderboardRow) => row.posts },
  medianViews: { label: "Median views", value: (row: LeaderboardRow) => row.medianViews },
  engagementRate: { label: "Engagement", value: (row: LeaderboardRow) => row.engagementRate },
} as const;
type SortKey = keyof typeof SORTS;

type Search = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/** The period from the URL: a preset ending today in the workspace's timezone, or a valid custom range. */
function period(search: Search, today: string): { from: string; to: string; preset: number | null } {
  const custom = leaderboardQuerySchema.pick({ from: true, to: true }).safeParse({ from: one(search.from), to: one(search.to) });
  if (one(search.period) === "custom" && custom.success && custom.data.from <= custom.data.to && custom.data.from >= addDays(custom.data.to, 1 - MAX_PERIOD_DAYS)) {
    return { ...custom.data, preset: null };
  }
  const days = LEADERBOARD_PERIODS.find((n) => String(n) === one(search.period)) ?? DEFAULT_LEADERBOARD_PERIOD;
  return { ...periodEnding(today, days), preset: days };
}

export default async function LeaderboardsPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<Search> }) {
  const { workspace: slug } = await params;
  const { claims, workspace } = await getWorkspaceContext(slug);
  const search = await searchParams;
  const by: LeaderboardGroup = LEADERBOARD_GROUPS.find((group) => group === one(search.by)) ?? "va";
  const today = localDate(workspace.timezone, new Date());
  const { from, to, preset } = period(search, today);
  const sort: SortKey = (Object.keys(SORTS) as SortKey[]).find((key) => key === one(search.sort)) ?? "viewsGained";
  const ascending = one(search.dir) === "asc";
  const query = { by, from, to };
  const rows = await withUserDb(claims, (tx) =>
    cachedSummary(tx, { workspace, kind: "leaderboard", query: { ...query, timezone: workspace.timezone } }, () => rankPostGroups(tx, { workspace, query })),
  );
  const sorted = [...rows].sort((a, b) => {
    const [x, y] = [SORTS[sort].value(a), SORTS[sort].value(b)];
    // Not reported sorts last either way.
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return ascending ? x - y : y - x;
  });

  const base = `/${workspace.slug}/leaderboards`;
  const link = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams({ by, ...(preset ? { period: String(preset) } : { period: "custom", from, to }), ...(sort !== "viewsGained" ? { sort } : {}), ...(ascending ? { dir: "asc" } : {}) });
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    return `${base}?${next.toString()}`;
  };
  const drill = (key: string) => `/${workspace.slug}/posts?${new URLSearchParams({ [by]: key, from, to }).toString()}`;
  const header = (key: SortKey, className?: string) => {
    const active = sort === key;
    const nextDir = active && !ascending ? "asc" : null;
    return (
      <TableHead className={cn("text-right", className)} aria-sort={active ? (ascending ? "ascending" : "descending") : undefined}>
        <Link href={link({ sort: key === "viewsGained" ? null : key, dir: nextDir })} className="inline-flex items-center gap-1 hover:text-foreground">
          {SORTS[key].label}
          {active ? ascending ? <ArrowUp className="size-3" aria-hidden /> : <ArrowDown className="size-3" aria-hidden /> : null}
        </Link>
      </TableHead>
    );
  };

  return (
    <div className="space-y-4">
      <PageHeader
        title="Leaderboards"
        description={`Which ${LEADERBOARD_GROUP_LABELS[by]} performs, ${from} to ${to} (${workspace.timezone}).`}
        actions={<ExportLinks href={`/api/v1/workspaces/${workspace.slug}/posts/leaderboard/export`} search={new URLSearchParams({ by, from, to })} testId="export-leaderboard" />}
      />
      <nav aria-label="Group by" className="flex flex-wrap gap-1">
        {LEADERBOARD_GROUPS.map((group) => (
          <Button key={group} asChild size="sm" variant={group === by ? "secondary" : "ghost"}>
            <Link href={link({ by: group })} aria-current={group === by ? "page" : undefined}>
              By {LEADERBOARD_GROUP_LABELS[group]}
            </Link>
          </Button>
        ))}
      </nav>
      <div className="flex flex-wrap items-end gap-2">
        <nav aria-label="Period" className="flex flex-wrap gap-1">
          {LEADERBOARD_PERIODS.map((days) => (
            <Button key={days} asChild size="sm" variant={preset === days ? "secondary" : "outline"}>
              <Link href={link({ period: String(days), from: null, to: null })} aria-current={preset === days ? "page" : undefined}>
                {days} days
              </Link>
            </Button>
          ))}
        </nav>
        <form action={base} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="by" value={by} />
          <input type="hidden" name="period" value="custom" />
          <div className="grid gap-1">
            <Label htmlFor="leaderboard-from" className="text-xs">
              From
            </Label>
            <Input id="leaderboard-from" name="from" type="date" defaultValue={from} max={today} className="w-40" required />
          </div>
          <div className="grid gap-1">
            <Label htmlFor="leaderboard-to" className="text-xs">
              To
            </Label>
            <Input id="leaderboard-to" name="to" type="date" defaultValue={to} max={today} className="w-40" required />
          </div>
          <Button type="submit" size="sm" variant={preset === null ? "secondary" : "outline"}>
            Custom period
          </Button>
        </form>
      </div>

      {sorted.length === 0 ? (
        <EmptyState icon={Trophy} title="Nothing in this period" description="No post was posted, and no post gained views, in these days." action={<Button asChild variant="outline" size="sm"><Link href={link({ period: "90", from: null, to: null })}>Try 90 days</Link></Button>} />
      ) : (
        <div className="rounded-md border">
          <Table aria-label={`Leaderboard by ${LEADERBOARD_GROUP_LABELS[by]}`}>
            <TableHeader>
              <TableRow>
                <TableHead className="w-8">#</TableHead>
                <TableHead>{LEADERBOARD_GROUP_LABELS[by]}</TableHead>
                {header("posts", "hidden sm:table-cell")}
                {header("views", "hidden md:table-cell")}
                {header("medianViews", "hidden lg:table-cell")}
                {header("viewsGained")}
                <TableHead className="hidden md:table-cell">Daily gain</TableHead>
                {header("engagementRate", "hidden lg:table-cell")}
                <TableHead className="hidden sm:table-cell">Top post</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {sorted.map((row, rank) => (
                <TableRow key={row.key ?? "(none)"} data-testid="leaderboard-row">
                  <TableCell className="tabular-nums text-muted-foreground">{rank + 1}</TableCell>
                  <TableCell className="font-medium">
                    {row.key === null ? (
                      <span className="text-muted-foreground">(none)</span>
                    ) : (
                      <Link href={drill(row.key)} className="underline-offset-4 hover:underline">
                        {row.key}
                      </Link>
                    )}
                    <div className="text-xs font-normal text-muted-foreground sm:hidden">
                      {row.posts} posts · {formatCount(row.views)} views
                    </div>
                  </TableCell>
                  <TableCell className="hidden text-right tabular-nums sm:table-cell">
                    {row.posts}
                    <div className="text-xs text-muted-foreground">
                      {row.slideshows} slideshows · {row.videos} videos
                    </div>
                  </TableCell>
                  <TableCell className="hidden text-right tabular-nums md:table-cell">{formatCount(row.views)}</TableCell>
                  <TableCell className="hidden text-right tabular-nums lg:table-cell">{row.medianViews === null ? "—" : formatCount(Math.round(row.medianViews))}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatCount(row.viewsGained)}</TableCell>
                  <TableCell className="hidden md:table-cell">
                    <Sparkline points={row.daily} label={`Daily views gained by ${row.key ?? "posts without one"}`} />
                  </TableCell>
                  <TableCell className="hidden text-right tabular-nums lg:table-cell">{formatRate(row.engagementRate)}</TableCell>
                  <TableCell className="hidden sm:table-cell">
                    {row.topPost ? (
                      <Link href={`/${workspace.slug}/posts/${row.topPost.id}`} className="flex items-center gap-2 text-xs hover:underline">
                        <PostThumbnail slug={workspace.slug} post={row.topPost} className="size-10 shrink-0" />
                        {formatCount(row.topPost.views)} views
                      </Link>
                    ) : (
                      "—"
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <section className="space-y-1 text-xs text-muted-foreground" aria-label="How these figures are defined">
        <p>
          <strong className="font-medium text-foreground">Posted in the period:</strong> posts (slideshows and videos by the scraped type), views (the sum of their
          latest views), median views per post and mean engagement rate ((likes + comments + shares + saves) / views, over the posts that report it), and the top post.
        </p>
        <p>
          <strong className="font-medium text-foreground">Gained in the period:</strong> views gained and the daily line count the views every post of the group gained on
          each day of the period, whenever it was posted: a day&apos;s gain is its scrape less the previous one (a post&apos;s first day counts from zero). Days are
          calendar days in {workspace.timezone}. A name opens the posts it posted in the period.
        </p>
      </section>
    </div>
  );
}
